import Testing
@testable import CYPPKit

/// A key that repeats and the order it was added in: enough to see a sort is stable.
private struct Item: SpillCodable, Equatable {
    var key: Int
    var seq: Int
    var label: String

    func encode(into e: inout SpillEncoder) {
        e.encode(key)
        e.encode(seq)
        e.encode(label)
    }

    init(key: Int, seq: Int, label: String) {
        self.key = key
        self.seq = seq
        self.label = label
    }

    init(from d: inout SpillDecoder) throws(SpillError) {
        key = try d.decode(Int.self)
        seq = try d.decode(Int.self)
        label = try d.decode(String.self)
    }

    var memoryFootprint: Int { 32 + label.utf8.count }
}

@Suite struct ExternalSorterTests {
    /// Deterministic keys with many ties, labels of varied length and script.
    private func items(_ n: Int) -> [Item] {
        (0..<n).map { i in Item(key: (i * 7919) % 97, seq: i, label: String(repeating: "é—x", count: i % 13)) }
    }

    private func sorted(_ input: [Item], budget: Int) throws -> (out: [Item], runs: Int) {
        var sorter = ExternalSorter<Item>(budget: budget) { $0.key < $1.key }
        for item in input { try sorter.append(item) }
        var out: [Item] = []
        try sorter.forEachSorted { out.append($0) }
        return (out, sorter.runCount)
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

    /// A numeric key first, the comparator on ties: the same order as the comparator alone.
    @Test func aKeyGivesTheSameOrderAsTheComparatorAlone() throws {
        let input = items(3_000)
        for budget in [1 << 20, 3_000] {
            var sorter = ExternalSorter<Item>(budget: budget, key: { $0.key / 10 }) { ($0.key, $0.label.count) < ($1.key, $1.label.count) }
            for item in input { try sorter.append(item) }
            var out: [Item] = []
            try sorter.forEachSorted { out.append($0) }
            #expect(out == input.sorted { ($0.key, $0.label.count, $0.seq) < ($1.key, $1.label.count, $1.seq) })
        }
    }

    @Test func sortedValuesCanBeReadTwice() throws {
        var sorter = ExternalSorter<Item>(budget: 2_000) { $0.key < $1.key }
        for item in items(1_000) { try sorter.append(item) }
        var first: [Int] = [], second: [Int] = []
        try sorter.forEachSorted { first.append($0.seq) }
        try sorter.forEachSorted { second.append($0.seq) }
        #expect(first.count == 1_000)
        #expect(first == second)
    }

    @Test func nothingAddedIsNothingRead() throws {
        let (out, runs) = try sorted([], budget: 10)
        #expect(out.isEmpty && runs == 0)
    }

    @Test func aTemporaryFolderThatIsMissingIsAnErrorNotATrap() throws {
        var sorter = ExternalSorter<Item>(budget: 10, directory: "/nonexistent/cyppctl") { $0.key < $1.key }
        #expect(throws: SpillError.self) { try sorter.append(Item(key: 1, seq: 1, label: "too big for the budget")) }
    }

    @Test func truncatedBytesDecodeToAnErrorNotATrap() {
        var e = SpillEncoder()
        Item(key: 3, seq: 4, label: "Zoë").encode(into: &e)
        for cut in 0..<e.bytes.count {
            let prefix = Array(e.bytes[..<cut])
            prefix.withUnsafeBytes { raw in
                var d = SpillDecoder(raw)
                #expect(throws: SpillError.corrupt) { _ = try Item(from: &d) }
            }
        }
    }
}
