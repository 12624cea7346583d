import Foundation
import Testing

@testable import CYPPKit

/// A large CSV plan is read in two parts, one per core: the result must be what one pass
/// gives, the same plan outline, problems and actions in the same order. Where the parts
/// cannot be joined that way the reader reads on in one piece, and the result is still the same.
@Suite("CSV plans read in two parts")
struct SplitReadingTests {
    /// Every action it is given, as text (ref, lines, outcome, owner), and how many later parts
    /// it took in. `refuses` makes it turn later parts down.
    struct Recorder: PlanConsumer {
        var actions: [String] = []
        var joins = 0
        var refuses = false

        mutating func consume(_ action: Action, outcome: Int, in plan: Plan) {
            let milestones = action.milestones.map { "\($0.location.line):\($0.text)" }.joined(separator: ";")
            actions.append("\(action.ref)@\(action.location.line) \(plan.outcomes[outcome].ref) \(action.owner ?? "-") [\(milestones)]")
        }

        func laterPart(plan path: String) -> Recorder? { Recorder(refuses: refuses) }

        mutating func absorb(_ later: consuming Recorder) -> Bool {
            guard !refuses else { return false }
            actions += later.actions
            joins += 1
            return true
        }
    }

    /// Another consumer, counting the later parts it took in.
    struct Joins<Inner: PlanConsumer>: PlanConsumer {
        var inner: Inner
        var joins = 0

        mutating func consume(_ action: Action, outcome: Int, in plan: Plan) { inner.consume(action, outcome: outcome, in: plan) }
        func laterPart(plan path: String) -> Joins? { inner.laterPart(plan: path).map { Joins(inner: $0) } }

        mutating func absorb(_ later: consuming Joins) -> Bool {
            guard inner.absorb(later.inner) else { return false }
            joins += 1
            return true
        }
    }

    /// Reads `text` in one pass and with a cut allowed at any size; `path` names its format.
    static func bothWays<C: PlanConsumer>(_ text: String, _ consumer: C, path: String = "plans/big.csv")
        -> (one: (Plan, [Diagnostic], C), two: (Plan, [Diagnostic], C))
    {
        bothWays(bytes: Array(text.utf8), consumer, path: path)
    }

    /// The same, for bytes that need not be UTF-8.
    static func bothWays<C: PlanConsumer>(bytes: [UInt8], _ consumer: C, path: String)
        -> (one: (Plan, [Diagnostic], C), two: (Plan, [Diagnostic], C))
    {
        bytes.withUnsafeBufferPointer { buffer in
            let input = ReaderInput(path: path, bytes: buffer)
            return (PlanLoader.read(input, into: consumer, split: .never),
                    PlanLoader.read(input, into: consumer, split: SplitPolicy(minimumBytes: 0)))
        }
    }

    /// A plan of `actions` actions, seven to an outcome, with what makes reading it hard: quoted
    /// fields over several lines, `""` escapes, continuation rows, bad ratings, a stray quote, a
    /// ref used twice near the end (with `reusedRef` it is the first action's), owners spelled
    /// two ways (unless `oneSpelling`).
    static func plan(actions: Int, newline: String = "\n", bom: Bool = false, reusedRef: Bool = false, oneSpelling: Bool = false,
                     outcome: (Int) -> String = { "Outcome \($0): Theme \($0)" }) -> String
    {
        var rows = ["Plan,Outcome,Ref,Action,Milestone,Due Date,Lead,Progress,Impact,Narrative"]
        rows.append("Big plan,\(outcome(1)),1.1,First action,,March 2019,Ann Lee,Green,,")
        for i in 2...actions {
            let o = (i - 1) / 7 + 1
            let name = (i - 1) % 7 == 0 ? outcome(o) : ""
            let ref = i == actions - 3 || i == actions - 2 ? (reusedRef ? "1.1" : "9.9") : "\(o).\(i)"
            let narrative = i % 3 == 0 ? "\"Said \"\"done\"\",\(newline)then more\(newline)and more\"" : "plain"
            let rating = i % 11 == 0 ? "Purple" : ["Green", "Amber", "", "Blue", "red"][i % 5]
            let stray = i % 97 == 0 ? "Act\"ion" : "Action"
            let owner = i % 13 == 0 && !oneSpelling ? "ann  lee" : ["Ann Lee", "Bob Roe", "Exec Director and DCS"][i % 3]
            rows.append(",\(name),\(ref),\(stray) \(i),,\(["March 2019", "2021/22", "Q3 2020/21", "soon"][i % 4]),\(owner),\(rating),,\(narrative)")
            if i % 4 == 0 { rows.append(",,,,Milestone of \(i),June 2020,Bob Roe,,,") }
        }
        rows.append(",,\(actions / 7 + 1).last,Last action,,March 2019,Ann Lee,,,")
        return (bom ? "\u{FEFF}" : "") + rows.joined(separator: newline) + newline
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func aPlanReadInTwoPartsIsTheSamePlanAsReadInOne(newline: String) {
        let text = Self.plan(actions: 400, newline: newline, bom: newline == "\r\n")
        let (one, two) = Self.bothWays(text, Recorder())
        // A lone CR is a line break the cut search does not look for: read in one piece.
        #expect(two.2.joins == (newline == "\r" ? 0 : 1))
        #expect(two.0 == one.0)
        #expect(two.1 == one.1)
        #expect(two.2.actions == one.2.actions)
        #expect(one.2.actions.count == 401)
        #expect(one.1.filter { $0.code == .duplicateRef }.count == 1)
    }

    @Test func anOutcomeNamedInBothPartsIsOneOutcome() {
        // Outcome names repeat every 30 outcomes, so those after the middle were met before it.
        let text = Self.plan(actions: 420) { "Outcome \(($0 - 1) % 30 + 1): Theme \(($0 - 1) % 30 + 1)" }
        let (one, two) = Self.bothWays(text, Recorder())
        #expect(two.2.joins == 1)
        #expect(one.0.outcomes.count == 30)
        #expect(two.0 == one.0)
        #expect(two.1 == one.1)
        #expect(two.2.actions == one.2.actions)
    }

    @Test func theTitleMayComeFromTheLaterPart() {
        var text = Self.plan(actions: 300)
        text = text.replacingOccurrences(of: "\nBig plan,", with: "\n,")
        text = text.replacingOccurrences(of: "\n,,29.200,", with: "\nSecond half title,,29.200,")
        #expect(text.contains("Second half title"))
        let (one, two) = Self.bothWays(text, Recorder())
        #expect(one.0.title == "Second half title")
        #expect(two.0 == one.0 && two.2.joins == 1)
    }

    /// Each is a plan whose parts cannot be joined as one pass would read them.
    @Test(arguments: [
        "the consumer refuses", "unnumbered outcomes", "a reused outcome ref", "two outcomes with one ref",
        "a ref used on both sides", "a cut inside quotes",
    ])
    func partsThatCannotBeJoinedAreReadInOnePiece(why: String) {
        var consumer = Recorder()
        let text: String
        switch why {
        case "the consumer refuses":
            consumer.refuses = true
            text = Self.plan(actions: 300)
        case "unnumbered outcomes":
            // Their refs come from their position, which the later part does not know (the
            // numbered ones before them have refs from 101 up, so the refs do not clash).
            text = Self.plan(actions: 300) { $0 > 25 ? "Group \($0)" : "Outcome \($0 + 100): Theme \($0)" }
        case "a reused outcome ref":
            text = Self.plan(actions: 300) { $0 > 30 ? "Outcome \($0 - 30): Another theme \($0)" : "Outcome \($0): Theme \($0)" }
        case "two outcomes with one ref":
            // Both named on both sides: one pass warns once, before the middle.
            text = Self.plan(actions: 300) { $0 % 2 == 0 ? "1. Housing" : "1 - Health" }
        case "a ref used on both sides":
            // Listed as found, a duplicate ref would come out of order.
            text = Self.plan(actions: 300, reusedRef: true)
        default:
            // The middle of the file is inside one quoted field whose lines look like records.
            var rows = ["Outcome,Ref,Action,Due Date,Narrative", "Outcome 1: A,1.1,Do,March 2019,\"starts"]
            for i in 2...400 { rows.append("Outcome \(i): B,\(i).1,Act,March 2019,") }
            rows.append("ends\"")
            for i in 2...40 { rows.append("Outcome \(i + 400): C,\(i + 400).1,Act,March 2019,") }
            text = rows.joined(separator: "\n") + "\n"
        }
        Self.expectReadInOnePiece(Self.bothWays(text, consumer))
    }

    /// The file was read on in one piece (no later part joined), and gave one pass's outline,
    /// problems and actions.
    static func expectReadInOnePiece(_ result: (one: (Plan, [Diagnostic], Recorder), two: (Plan, [Diagnostic], Recorder))) {
        let (one, two) = result
        #expect(two.2.joins == 0)
        #expect(two.0 == one.0)
        #expect(two.1 == one.1)
        #expect(two.2.actions == one.2.actions)
        #expect(!one.2.actions.isEmpty)
    }

    /// `overdue`'s lines, as bytes: `String` equality would take `ë` and `e` with a combining
    /// diaeresis for the same text, and a listing shows the bytes.
    static func overdueLines(_ result: (Plan, [Diagnostic], OverdueCollector)) throws -> [[UInt8]] {
        var collector = result.2
        var lines: [[UInt8]] = []
        try collector.forEachLine { lines.append(Array($0)) }
        return lines
    }

    /// The last column of a TSV line (the person), without its newline.
    static func person(_ line: [UInt8]) -> [UInt8] {
        Array(line.split(separator: 0x09, omittingEmptySubsequences: false).last?.dropLast() ?? [])
    }

    /// `overdue`'s collector of TSV lines, with a budget small enough that rows go to sorted runs.
    static func spillingCollector() -> Joins<OverdueCollector> { Joins(inner: OverdueCollector(
        query: OverdueQuery(asOf: Day(year: 2022, month: 6, day: 30)!),
        keep: .lines(RecordLine(columns: OverdueRendering.columns, format: .tsv)), memoryBudget: 2_000)) }

    /// A plan read in one pass and in two parts (joined) lists the same overdue lines, from runs.
    static func expectSameOverdueLines(_ one: (Plan, [Diagnostic], Joins<OverdueCollector>),
                                       _ two: (Plan, [Diagnostic], Joins<OverdueCollector>)) throws {
        #expect(two.2.joins == 1)
        #expect(one.2.inner.spilledRuns > 1 && two.2.inner.spilledRuns > 1)
        let lines = try overdueLines((one.0, one.1, one.2.inner))
        #expect(lines.count > 300)
        #expect(try overdueLines((two.0, two.1, two.2.inner)) == lines)
        #expect(two.2.inner.foundOverdue == one.2.inner.foundOverdue)
    }

    @Test func overdueListsTheSameRowsInTheSameOrder() throws {
        let (one, two) = Self.bothWays(Self.plan(actions: 600, oneSpelling: true), Self.spillingCollector())
        try Self.expectSameOverdueLines(one, two)
    }

    /// Each person is shown as first spelled; rows after the cut were written with their own
    /// part's spelling, so the collector turns the later part down. The second pair differ
    /// only in how `ë` is encoded (one scalar, or `e` and a combining diaeresis).
    @Test(arguments: [("Ann Lee", "ANN LEE"), ("Zo\u{EB} Brown", "Zoe\u{308} Brown")])
    func anOwnerSpelledOneWayBeforeTheCutAndAnotherAfterItIsShownAsFirstSpelled(first: String, later: String) throws {
        var rows = Self.plan(actions: 300, oneSpelling: true).components(separatedBy: "\n")
        for i in rows.indices { rows[i] = rows[i].replacingOccurrences(of: ",Ann Lee,", with: "," + (i == 1 ? first : later) + ",") }
        #expect(rows[1].contains(first))
        let collector = OverdueCollector(query: OverdueQuery(asOf: Day(year: 2022, month: 6, day: 30)!),
                                         keep: .lines(RecordLine(columns: OverdueRendering.columns, format: .tsv)))
        let (one, two) = Self.bothWays(rows.joined(separator: "\n"), Joins(inner: collector))
        #expect(two.2.joins == 0)
        let lines = try Self.overdueLines((one.0, one.1, one.2.inner))
        #expect(try Self.overdueLines((two.0, two.1, two.2.inner)) == lines)
        #expect(lines.contains { Self.person($0) == Array(first.utf8) })
        #expect(!lines.contains { Self.person($0) == Array(later.utf8) })
    }

    /// The table for people, read in two parts, is the table read in one: the later part's
    /// column widths are joined on (its last rows have the longest owner, so they must be).
    @Test func overdueTableReadInTwoPartsIsTheTableReadInOne() throws {
        var rows = Self.plan(actions: 600, oneSpelling: true).components(separatedBy: "\n")
        let long = "Ann Lee, Head of Service for Children and Families"
        for i in rows.indices where i > rows.count * 9 / 10 {
            rows[i] = rows[i].replacingOccurrences(of: ",Ann Lee,", with: ",\"" + long + "\",")
        }
        let collector = OverdueCollector(query: OverdueQuery(asOf: Day(year: 2022, month: 6, day: 30)!),
                                         keep: .table(terminal: false, width: nil), memoryBudget: 2_000)
        let (one, two) = Self.bothWays(rows.joined(separator: "\n"), Joins(inner: collector))
        #expect(two.2.joins == 1)
        var first = one.2.inner, second = two.2.inner
        let table = try OverdueTableRowsTests.table(&first, header: true, colour: false)
        #expect(table.split(separator: "\n").count > 300)
        // The OWNER column is as wide as the long owner, whose rows are all after the cut.
        let header = try #require(table.split(separator: "\n").first)
        #expect(header.contains("OWNER" + String(repeating: " ", count: long.count - "OWNER".count + 2) + "DUE"))
        #expect(try OverdueTableRowsTests.table(&second, header: true, colour: false) == table)
    }

    /// With CRs, and without (most files: their LFs are counted another way).
    @Test(arguments: [["a", "\n", "\r", "\r\n", "\"", ",", "é"], ["a", "\n", "\"", ",", "é"]])
    func lineBreaksAreCountedAsTheScannerCountsThem(pieces: [String]) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var scanner = CSVScanner(bytes: buffer)
                while scanner.next() != nil {
                    let counted = CSVCut.lineBreaks(ReaderInput(path: "x.csv", bytes: buffer), before: scanner.consumed)
                    #expect(1 + counted == scanner.line, "\(bytes) before \(scanner.consumed)")
                }
            }
        }
    }

    @Test func aMappedFileIsCountedInChunksWithACRLFAcrossTheirBoundary() throws {
        // pread reads 256 KiB at a time: put a CR LF pair across the first boundary.
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        for i in stride(from: 100, to: bytes.count, by: 1000) { bytes[i] = 0x0A }
        bytes[(1 << 18) - 1] = 0x0D
        bytes[1 << 18] = 0x0A
        bytes[5000] = 0x0D  // a lone CR
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-chunks-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try MappedFile(path: path)
        let expected = bytes.withUnsafeBufferPointer { CSVCut.lineBreaks(ReaderInput(path: path, bytes: $0), before: bytes.count) }
        #expect(CSVCut.lineBreaks(ReaderInput(path: path, bytes: file.bytes, file: file), before: bytes.count) == expected)
        // The LFs every 1,000 bytes, the CR LF pair and the lone CR.
        #expect(expected == Array(stride(from: 100, to: bytes.count, by: 1000)).count + 2)
    }

    @Test func chunksWithNoCRAreCountedAlongsideChunksWithOne() throws {
        // LFs only in the first 256 KiB chunk (one its last byte); a CR LF pair and LFs in the second.
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 19)
        for i in stride(from: 7, to: bytes.count, by: 100) { bytes[i] = 0x0A }
        bytes[(1 << 18) - 1] = 0x0A
        bytes[(1 << 18) + 50] = 0x0D
        bytes[(1 << 18) + 51] = 0x0A
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-lf-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try MappedFile(path: path)
        let lineFeeds = bytes.filter { $0 == 0x0A }.count
        #expect(CSVCut.lineBreaks(ReaderInput(path: path, bytes: file.bytes, file: file), before: bytes.count) == lineFeeds)
        let half = 1 << 18
        #expect(CSVCut.lineBreaks(ReaderInput(path: path, bytes: file.bytes, file: file), before: half)
            == bytes[..<half].filter { $0 == 0x0A }.count)
    }
}
