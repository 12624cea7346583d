import Foundation
import Testing
@testable import CYPPKit

/// The streaming path gives the same actions as the whole-plan path, without keeping them.
@Suite("Streaming reads")
struct PlanStreamTests {
    struct Refs: PlanConsumer {
        var seen: [String] = []
        var outcomes: [String] = []
        mutating func consume(_ action: Action, outcome: Int, in plan: Plan) {
            seen.append(action.ref)
            outcomes.append(plan.outcomes[outcome].ref)
        }
    }

    @Test(arguments: Repo.shippedPlans + ["Tests/Fixtures/markdown/basic.md", "Tests/Fixtures/csv/basic.csv"])
    func streamingSeesEveryActionInOrder(path: String) throws {
        var refs = Refs()
        let (streamed, streamedDiagnostics) = try PlanStream.read(file: Repo.path(path), into: &refs)
        let (whole, diagnostics, _) = try Repo.read(Repo.path(path))
        #expect(refs.seen == whole.allActions.map(\.action.ref))
        #expect(refs.outcomes == whole.allActions.map(\.outcome.ref))
        #expect(streamed.outcomes.allSatisfy { $0.actions.isEmpty })
        #expect(streamedDiagnostics == diagnostics)
    }

    /// `check <(git show HEAD:plans/a.csv)` reads `/dev/fd/63`: with no extension to go by, the
    /// first line tells a CSV header from a Markdown title or table.
    @Test(arguments: [
        ("\u{FEFF}Outcome,Ref,Action\n1: A,1.1,Do\n", Plan.Format.csv, ["1.1"]),
        ("Outcome,Ref,Action\r\n1: A,1.1,Do\r\n", .csv, ["1.1"]),
        ("# Plan, 2020\n## 1: A\n| Ref | Action |\n|---|---|\n| 1.1 | Do |\n", .markdown, ["1.1"]),
        ("| Ref | Action, in full |\n|---|---|\n| 1.1 | Do |\n", .markdown, []),  // no outcome heading
        ("", .markdown, []),
    ])
    func aFileWithNoExtensionIsReadInTheFormatItsFirstLineShows(text: String, format: Plan.Format, refs expected: [String]) {
        let bytes = Array(text.utf8)
        let (plan, _, refs) = bytes.withUnsafeBufferPointer {
            PlanLoader.read(ReaderInput(path: "/dev/fd/63", bytes: $0), into: Refs())
        }
        #expect(plan.format == format)
        #expect(refs.seen == expected)
    }

    @Test func aLargeFileIsMappedAndReadToTheEnd() throws {
        // Over the mapping threshold, so the mmap path and page release are exercised.
        var text = "Outcome,Ref,Action,Due Date,Progress\n"
        let rows = 40_000
        for i in 1...rows { text += "\"\(i % 7): Outcome\",\(i),\"Action \(i), with a comma\",March 2025,Green\n" }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-stream-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(text.utf8.count > MappedFile.mapThreshold)
        var refs = Refs()
        let (plan, diagnostics) = try PlanStream.read(file: url.path, into: &refs)
        #expect(refs.seen.count == rows && refs.seen.last == String(rows))
        #expect(plan.outcomes.count == 7)
        #expect(diagnostics.map(\.code) == [.missingTitle])
    }

    @Test func aFloodOfProblemsIsCountedButOnlyTheFirstOnesKept() {
        var text = "Outcome,Ref,Action,Progress\n"
        for i in 1...10_050 { text += "1: A,\(i),Do,Purple\n" }
        let (_, diagnostics) = PlanLoader.parse(SourceText("flood.csv", text))
        #expect(diagnostics.count == 10_001, "10,000 kept (10,050 ratings + the missing title) and the count")
        #expect(diagnostics.last?.code == .tooManyProblems)
        #expect(diagnostics.last?.message.hasPrefix("51 more problems") == true)
    }

    @Test func duplicateRefsAreFoundExactlyAcrossManyRefs() {
        var index = RefIndex()
        for i in 0..<50_000 { #expect(index.insert("r\(i)", line: i + 1) == nil) }
        #expect(index.insert("r123", line: 99_999) == 124)
        #expect(index.insert("r50000", line: 100_000) == nil)
    }

    /// Lines are kept as deltas between entries: every first line must still come back exact,
    /// for entries at, just after and long after a checkpoint, with gaps of any size and
    /// refs longer than a one-byte length.
    @Test func everyFirstLineComesBackExactly() {
        var index = RefIndex()
        var lines: [String: Int] = [:]
        var line = 1
        for i in 0..<3_000 {
            line += [1, 2, 200, 70_000][i % 4]
            let ref = i % 97 == 0 ? String(repeating: "é", count: 150) + "\(i)" : "\(i / 10).\(i % 10)"
            #expect(index.insert(ref, line: line) == nil)
            lines[ref] = line
        }
        for (ref, first) in lines { #expect(index.insert(ref, line: line + 1) == first) }
    }

    /// A ref larger than an arena chunk gets a chunk of its own; refs around it stay exact.
    @Test func aRefLargerThanAChunkIsIndexedToo() {
        var index = RefIndex()
        let huge = String(repeating: "x", count: 1_500_000)
        for i in 0..<100_000 { #expect(index.insert("a\(i)", line: i + 1) == nil) }
        #expect(index.insert(huge, line: 200_000) == nil)
        #expect(index.insert("after", line: 200_001) == nil)
        #expect(index.insert(huge, line: 300_000) == 200_000)
        #expect(index.insert("after", line: 300_001) == 200_001)
        #expect(index.insert("a99999", line: 300_002) == 100_000)
    }

    @Test func aLineBeforeThePreviousOneIsKeptToo() {
        var index = RefIndex()
        #expect(index.insert("a", line: 500) == nil)
        #expect(index.insert("b", line: 20) == nil)
        #expect(index.insert("c", line: 21) == nil)
        #expect(index.insert("b", line: 600) == 20)
        #expect(index.insert("c", line: 601) == 21)
        #expect(index.insert("a", line: 602) == 500)
    }
}

@Suite("Natural order of refs")
struct NaturalOrderTests {
    @Test(arguments: [
        ("1.2", "1.10", true), ("1.10", "1.2", false), ("2", "10", true), ("1.9", "1.9", false),
        ("a2", "a10", true), ("1.02", "1.1", false), ("1", "1.1", true), ("3.10", "4.1", true), ("B", "a", true),
    ])
    func refsSortAsPeopleRead(a: String, b: String, before: Bool) {
        #expect(OverdueQuery.refOrder(a, b) == before)
    }

    private static func hint(_ s: String) -> UInt64 {
        Array(s.utf8).withUnsafeBytes { NaturalOrder.hint($0) }
    }

    /// The sorter orders refs by their hints when these differ, so a hint may never put two
    /// refs the other way round from `compare`. Random refs of digits (with leading zeros and
    /// runs too long for a hint), dots, dashes, letters either side of the digits, a byte
    /// above ASCII and a NUL, every pair compared.
    @Test func aHintNeverOrdersTwoRefsAgainstTheOrder() {
        var random = SplitMix(seed: 7)
        let alphabet: [[UInt8]] = ["0", "1", "2", "9", "00", "7", "12345678901", ".", "-", "/", ":", "a", "B", "é", "\0"].map { Array($0.utf8) }
        let refs: [[UInt8]] = (0..<400).map { _ in
            (0..<Int(random.next() % 7)).flatMap { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        }
        var ordered = 0
        for x in refs {
            for y in refs {
                let order = x.withUnsafeBytes { a in y.withUnsafeBytes { b in NaturalOrder.compare(a, b) } }
                let hx = x.withUnsafeBytes { NaturalOrder.hint($0) }, hy = y.withUnsafeBytes { NaturalOrder.hint($0) }
                if order < 0 { #expect(hx <= hy, "\(x) before \(y) by compare, hints \(hx) > \(hy)") }
                if hx < hy { ordered += 1 }
            }
        }
        // And the hint decides most pairs, so the sorter seldom needs `compare`.
        #expect(ordered > refs.count * refs.count * 4 / 10)
    }

    @Test func plansRefsHaveHintsInTheirOrder() {
        let refs = ["1.1", "1.2", "1.2.3", "1.10", "2.1", "12.3", "12.4", "123.45", "123.46", "B1", "a2"]
        #expect(refs == refs.sorted { OverdueQuery.refOrder($0, $1) })
        let hints = refs.map(Self.hint)
        #expect(zip(hints, hints.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Self.hint("01") == Self.hint("1"))  // equal as numbers: `compare` decides
    }
}

@Suite("JSON written item by item")
struct JSONArrayTests {
    @Test(arguments: [0, 1, 3])
    func streamedArraysMatchTheWholeDocument(count: Int) {
        let items = (0..<count).map { JSONValue.object(["n": .int($0), "s": .string("a\n\"b\"")]) }
        var streamed = ""
        JSONValue.writeArray(items) { streamed += $0 }
        #expect(streamed == JSONValue.array(items).rendered())
    }
}

@Suite("The overdue table, streamed")
struct OverdueTableRowsTests {
    /// The table `overdue` streams (rows kept as their cells, sorted like a script's lines)
    /// is the table of the whole-plan query's rows, for a pipe and for a terminal's width.
    @Test(arguments: [(false, nil, false), (true, 100, true), (true, 60, false)] as [(Bool, Int?, Bool)])
    func streamedOverdueTableEqualsTheWholePlanQuerys(terminal: Bool, width: Int?, header: Bool) throws {
        let query = OverdueQuery(asOf: Day(year: 2022, month: 6, day: 30)!, within: 60)
        var collector = OverdueCollector(query: query, keep: .table(terminal: terminal, width: width))
        _ = try PlanLoader.stream([Repo.path("plans")], into: &collector)
        let whole = query.rows(in: try PlanLoader.load([Repo.path("plans")]))
        #expect(whole.count > 300)
        #expect(try Self.table(&collector, header: header, colour: terminal)
            == OverdueRendering.table(whole, header: header, colour: terminal, terminal: terminal, width: width))
    }

    static func table(_ collector: inout OverdueCollector, header: Bool, colour: Bool) throws -> String {
        var out: [UInt8] = []
        try collector.writeTable(header: header, colour: colour) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The table's rows are kept like a script's lines, not held in memory: past the budget
    /// they go to sorted runs in the temporary file, and the table printed from the runs is the
    /// whole-plan query's, its columns sized to every row.
    @Test func tableRowsPastTheBudgetGoToSortedRuns() throws {
        let query = OverdueQuery(asOf: Day(year: 2022, month: 6, day: 30)!, within: 60)
        var collector = OverdueCollector(query: query, memoryBudget: 4_000)
        _ = try PlanLoader.stream([Repo.path("plans")], into: &collector)
        let whole = query.rows(in: try PlanLoader.load([Repo.path("plans")]))
        #expect(collector.spilledRuns > 1)
        #expect(collector.count == whole.count)
        #expect(try OverdueTableRowsTests.table(&collector, header: true, colour: false)
            == OverdueRendering.table(whole, header: true, colour: false, terminal: false))
        #expect(collector.foundOverdue)
    }
}

/// `overdue` and `check` read no narratives or extra columns, and their readers leave those
/// cells undecoded: everything else they are given, and every problem found, is the same.
@Suite("Reading without narratives and extras")
struct SkippedColumnsTests {
    struct Actions: PlanConsumer {
        let reads: ActionParts
        var actions: [Action] = []
        mutating func consume(_ action: Action, outcome: Int, in plan: Plan) { actions.append(action) }
    }

    static let plans = Repo.shippedPlans
        + ["csv/skipped-columns.csv", "markdown/skipped-columns.md", "csv/problems.csv", "markdown/pagebreak.md",
           "malformed/more-fields-than-headers.csv", "malformed/more-fields-than-headers.md",
           "malformed/orphan-continuation.md", "malformed/continuation-first.csv", "malformed/duplicate-columns.csv",
           "malformed/duplicate-columns.md", "malformed/whitespace-only.md", "malformed/control-chars.md"].map { "Tests/Fixtures/" + $0 }

    @Test(arguments: plans)
    func aReaderOfNeitherGetsTheSameActionsAndProblems(path: String) throws {
        var all = Actions(reads: .all), neither = Actions(reads: [])
        let (_, allDiagnostics) = try PlanStream.read(file: Repo.path(path), into: &all)
        let (_, diagnostics) = try PlanStream.read(file: Repo.path(path), into: &neither)
        #expect(diagnostics == allDiagnostics)
        #expect(neither.actions.count == all.actions.count)
        #expect(neither.actions.allSatisfy { $0.narrative == nil && $0.extras.isEmpty })
        let stripped = all.actions.map { a in
            var a = a
            a.narrative = nil
            a.extras = []
            return a
        }
        #expect(neither.actions == stripped)
    }

    @Test func theFixturesHoldWhatIsSkipped() throws {
        for path in ["Tests/Fixtures/csv/skipped-columns.csv", "Tests/Fixtures/markdown/skipped-columns.md"] {
            var all = Actions(reads: .all)
            let (_, diagnostics) = try PlanStream.read(file: Repo.path(path), into: &all)
            #expect(all.actions.map(\.ref) == ["1.1", "2.1", "2.2"])
            // Continuation narratives are joined on; a cell of only a no-break space is blank.
            let first = try #require(all.actions.first?.narrative)
            #expect(first.hasPrefix("A narrative\nover two lines\nMore narrative, continuing 1.1"))
            #expect(all.actions[0].milestones.map(\.owner) == ["Bob Roe"])
            #expect(all.actions[2].extras.contains { $0.value == "extra past the header" })
            let codes = diagnostics.map(\.code)
            #expect(codes.contains(.orphanContinuation) && codes.contains(.extraCells))
        }
    }
}
