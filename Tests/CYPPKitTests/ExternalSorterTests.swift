import Testing
@testable import CYPPKit

/// A key that repeats and the order it was added in: enough to see a sort is stable.
private struct Item: Equatable {
    var key: Int
    var seq: Int
    var label: String

    /// The item as a sorter's record: key and seq as 8 bytes each, then the label's UTF-8.
    var record: [UInt8] {
        withUnsafeBytes(of: (Int64(key).littleEndian, Int64(seq).littleEndian)) { Array($0) } + Array(label.utf8)
    }

    init(key: Int, seq: Int, label: String) {
        self.key = key
        self.seq = seq
        self.label = label
    }

    init?(record: UnsafeRawBufferPointer) {
        guard record.count >= 16 else { return nil }
        key = Int(Int64(littleEndian: record.loadUnaligned(as: Int64.self)))
        seq = Int(Int64(littleEndian: record.loadUnaligned(fromByteOffset: 8, as: Int64.self)))
        label = String(decoding: UnsafeRawBufferPointer(rebasing: record[16...]), as: UTF8.self)
    }
}

/// Everything a sorter hands back, decoded.
private func drain(_ sorter: inout ExternalSorter) throws -> [Item] {
    var out: [Item] = [], undecodable = 0
    try sorter.forEachSorted { record in
        if let item = Item(record: record) { out.append(item) } else { undecodable += 1 }
    }
    #expect(undecodable == 0)
    return out
}

@Suite struct ExternalSorterTests {
    /// Deterministic keys with many ties, labels of varied length and script.
    private func items(_ n: Int) -> [Item] {
        (0..<n).map { i in Item(key: (i * 7919) % 97, seq: i, label: String(repeating: "é—x", count: i % 13)) }
    }

    private func sorted(_ input: [Item], budget: Int) throws -> (out: [Item], runs: Int) {
        var sorter = ExternalSorter(budget: budget)
        for item in input { try sorter.append(key: item.key, record: item.record) }
        return (try drain(&sorter), sorter.runCount)
    }

    @Test func valuesWithinTheBudgetSortInMemoryAndStably() throws {
        let input = items(500)
        let (out, runs) = try sorted(input, budget: 1 << 20)
        #expect(runs == 0)
        #expect(out == input.sorted { ($0.key, $0.seq) < ($1.key, $1.seq) })
    }

    @Test func valuesPastTheBudgetMergeFromRunsInTheSameStableOrder() throws {
        let input = items(5_000)
        let (out, runs) = try sorted(input, budget: 4_000)
        #expect(runs > 20)
        #expect(out == input.sorted { ($0.key, $0.seq) < ($1.key, $1.seq) })
    }

    @Test func aValueLargerThanTheReadBufferComesBackWhole() throws {
        let big = Item(key: 1, seq: 0, label: String(repeating: "ñ", count: 100_000))
        let (out, runs) = try sorted([big, Item(key: 0, seq: 1, label: "a"), Item(key: 2, seq: 2, label: "b")], budget: 10)
        #expect(runs == 3)
        #expect(out.map(\.seq) == [1, 0, 2])
        #expect(out[1] == big)
    }

    /// A numeric key first, the records' own order on ties, in memory and through runs alike.
    @Test func theTieOrderDecidesBetweenEqualKeys() throws {
        let input = items(3_000)
        for budget in [1 << 20, 3_000] {
            var sorter = ExternalSorter(budget: budget) { a, b in
                guard let x = Item(record: a), let y = Item(record: b) else { return false }
                return (x.key, x.label.count) < (y.key, y.label.count)
            }
            for item in input { try sorter.append(key: item.key / 10, record: item.record) }
            #expect(budget > 1 << 19 || sorter.runCount > 10)
            #expect(try drain(&sorter) == input.sorted { ($0.key, $0.label.count, $0.seq) < ($1.key, $1.label.count, $1.seq) })
        }
    }

    /// Keys with groups and hints (refs' natural-order hints, in three groups) sort as the
    /// tie order alone would, in memory, through runs and across a sorter taken in.
    @Test(arguments: [1 << 20, 3_000])
    func hintsThatAgreeWithTheTieOrderSortAsItDoes(budget: Int) throws {
        var random = SplitMix(seed: 11)
        let input = (0..<3_000).map { i in
            Item(key: Int(random.next() % 5), seq: i, label: "\(random.next() % 30).\(random.next() % 12)" + (i % 7 == 0 ? "a" : ""))
        }
        func natural(_ a: String, _ b: String) -> Int { NaturalOrder.compare(a, b) }
        func sorter() -> ExternalSorter {
            ExternalSorter(budget: budget) { a, b in
                guard let x = Item(record: a), let y = Item(record: b) else { return false }
                return natural(x.label, y.label) < 0
            }
        }
        func key(_ item: Item) -> SortKey {
            SortKey(item.key, group: UInt32(item.seq % 3), hint: Array(item.label.utf8).withUnsafeBytes { NaturalOrder.hint($0) })
        }
        var earlier = sorter(), later = sorter()
        for item in input[..<1_700] { try earlier.append(key(item), record: item.record) }
        for item in input[1_700...] { try later.append(key(item), record: item.record) }
        try earlier.absorb(later)
        #expect(budget > 1 << 19 || earlier.runCount > 10)
        let expected = input.sorted { a, b in
            if a.key != b.key { return a.key < b.key }
            let order = natural(a.label, b.label)
            return order != 0 ? order < 0 : a.seq < b.seq
        }
        #expect(try drain(&earlier) == expected)
    }

    @Test func sortedValuesCanBeReadTwice() throws {
        var sorter = ExternalSorter(budget: 2_000)
        for item in items(1_000) { try sorter.append(key: item.key, record: item.record) }
        let first = try drain(&sorter).map(\.seq), second = try drain(&sorter).map(\.seq)
        #expect(first.count == 1_000)
        #expect(first == second)
    }

    /// A sorter filled with the later half of the records, taken in by one filled with the
    /// earlier half, reads back as one sorter given them all: ties in the order added, whether
    /// either half went to runs or stayed in memory.
    @Test(arguments: [(1 << 20, 1 << 20), (3_000, 1 << 20), (1 << 20, 3_000), (3_000, 2_000)])
    func aSorterThatAbsorbsALaterOneReadsAsOne(earlierBudget: Int, laterBudget: Int) throws {
        let input = items(2_000)
        var earlier = ExternalSorter(budget: earlierBudget), later = ExternalSorter(budget: laterBudget)
        for item in input[..<900] { try earlier.append(key: item.key, record: item.record) }
        for item in input[900...] { try later.append(key: item.key, record: item.record) }
        try earlier.absorb(later)
        #expect(earlier.count == input.count)
        #expect(try drain(&earlier) == input.sorted { ($0.key, $0.seq) < ($1.key, $1.seq) })
    }

    @Test func nothingAddedIsNothingRead() throws {
        let (out, runs) = try sorted([], budget: 10)
        #expect(out.isEmpty && runs == 0)
    }

    @Test func aTemporaryFolderThatIsMissingIsAnErrorNotATrap() throws {
        var sorter = ExternalSorter(budget: 10, directory: "/nonexistent/cyppctl")
        #expect(throws: SpillError.self) { try sorter.append(key: 1, record: Item(key: 1, seq: 1, label: "too big for the budget").record) }
    }
}
