import Foundation
import Testing

@testable import CYPPKit

/// A large Markdown plan is read in two parts, one per core, cut at an outcome heading: the
/// result must be what one pass gives. Where the parts cannot be joined that way the reader
/// reads on in one piece, and the result is still the same.
@Suite("Markdown plans read in two parts")
struct MarkdownSplitReadingTests {
    typealias Recorder = SplitReadingTests.Recorder

    static func bothWays<C: PlanConsumer>(_ text: String, _ consumer: C) -> (one: (Plan, [Diagnostic], C), two: (Plan, [Diagnostic], C)) {
        SplitReadingTests.bothWays(text, consumer, path: "plans/big.md")
    }

    /// A plan of `outcomes` outcomes of seven actions, with what makes reading it hard: front
    /// matter, prose sections (and prose after tables), continuation rows, a page-break table with a blank header, bad
    /// ratings and dates, owners spelled two ways (unless `oneSpelling`), a ref used twice near
    /// the end (with `reusedRef` it is the first action's).
    /// `refs` gives some actions another ref, by outcome × 10 + number in the outcome.
    static func plan(outcomes: Int, newline: String = "\n", title: String? = "Big plan", reusedRef: Bool = false,
                     oneSpelling: Bool = false, refs: [Int: String] = [:],
                     heading: (Int) -> String = { "Outcome \($0): Theme \($0)" }) -> String
    {
        var lines = ["---", "owner: Partnership board", "---", ""]
        if let title { lines += ["# \(title)", "", "### Introduction", "", "Why this plan matters.", ""] }
        let header = "| Ref | Action | Milestone | Due Date | Lead | Progress | Impact | Narrative |"
        for o in 1...outcomes {
            lines += ["## \(heading(o))", "", "### Why this is important to us", "", "Text about outcome \(o).", "", header,
                      "|---|---|---|---|---|---|---|---|"]
            for a in 1...7 {
                let i = (o - 1) * 7 + a
                let ref = refs[o * 10 + a] ?? (o == outcomes - 1 && a < 3 ? (reusedRef ? "1.1" : "9.9") : "\(o).\(a)")
                let rating = i % 11 == 0 ? "Purple" : ["Green", "Amber", "", "Blue", "red"][i % 5]
                let owner = i % 13 == 0 && !oneSpelling ? "ann  lee" : ["Ann Lee", "Bob Roe", "Exec Director and DCS"][i % 3]
                let due = ["March 2019", "2021/22", "Q3 2020/21", "soon"][i % 4]
                lines.append("| \(ref) | Action \(i) | | \(due) | \(owner) | \(rating) | | Said \\| done<br>then more |")
                if i % 4 == 0 { lines.append("| | | Milestone of \(i) | June 2020 | Bob Roe | | | |") }
                if a == 4 {
                    // A table cut by a page break: blank header, the rows go on.
                    lines += ["", "| | | | | | | | |", "|---|---|---|---|---|---|---|---|", "| | | Page-break milestone \(i) | 2020 | | | | |"]
                }
            }
            // Prose after the table, up to the next heading.
            lines += ["", "Notes after the table of outcome \(o).", ""]
        }
        return lines.joined(separator: newline) + newline
    }

    @Test(arguments: ["\n", "\r\n"])
    func aPlanReadInTwoPartsIsTheSamePlanAsReadInOne(newline: String) {
        let (one, two) = Self.bothWays(Self.plan(outcomes: 60, newline: newline), Recorder())
        #expect(two.2.joins == 1)
        #expect(two.0 == one.0)
        #expect(two.1 == one.1)
        #expect(two.2.actions == one.2.actions)
        #expect(one.2.actions.count == 420)
        #expect(one.0.outcomes.count == 60)
        #expect(one.1.filter { $0.code == .duplicateRef }.count == 1)
        #expect(one.1.contains { $0.code == .unknownRating })
    }

    /// Lines ended by a lone CR are not searched for a cut: read in one piece, alike.
    @Test func aPlanWithLinesEndedByCRAloneIsReadInOnePiece() {
        let (one, two) = Self.bothWays(Self.plan(outcomes: 60, newline: "\r"), Recorder())
        #expect(two.2.joins == 0)
        #expect(two.0 == one.0 && two.1 == one.1 && two.2.actions == one.2.actions)
        #expect(one.2.actions.count == 420)
    }

    @Test func theTitleMayComeFromTheLaterPart() {
        var text = Self.plan(outcomes: 60, title: nil)
        text = text.replacingOccurrences(of: "## Outcome 45: Theme 45\n", with: "# Second half title\n\n## Outcome 45: Theme 45\n")
        let (one, two) = Self.bothWays(text, Recorder())
        #expect(one.0.title == "Second half title")
        #expect(two.2.joins == 1)
        #expect(two.0 == one.0 && two.1 == one.1 && two.2.actions == one.2.actions)
    }

    /// A problem with the file's last action comes before the file's own (no title), both ways.
    @Test func theLastActionsProblemsComeBeforeTheFilesOwn() {
        let (one, two) = Self.bothWays(Self.plan(outcomes: 60, title: nil, refs: [607: "60.1"]), Recorder())
        #expect(two.2.joins == 1)
        #expect(one.1.map(\.code).suffix(2) == [.duplicateRef, .missingTitle])
        #expect(two.1 == one.1)
    }

    /// The heading at the cut finishes the action above it before its own line is checked:
    /// bad UTF-8 in the heading is reported after that action's duplicate ref, joined or not.
    @Test(arguments: [false, true])
    func badUTF8OnTheHeadingAtTheCutComesAfterTheActionAboveIt(refused: Bool) throws {
        let text = Self.plan(outcomes: 60)
        let cut = try #require(Array(text.utf8).withUnsafeBufferPointer { MarkdownCut.find(in: $0, after: 0) })
        let heading = String(decoding: Array(text.utf8)[cut...].prefix { $0 != 0x0A }, as: UTF8.self)
        let outcome = try #require(Int(heading.split(separator: " ")[2].dropLast()))
        var bytes = Array(Self.plan(outcomes: 60, refs: [(outcome - 1) * 10 + 7: "1.1"]).utf8)
        let at = try #require(bytes.withUnsafeBufferPointer { MarkdownCut.find(in: $0, after: 0) })
        bytes.insert(0xFF, at: at + heading.utf8.count)
        var consumer = Recorder()
        consumer.refuses = refused
        let (one, two) = SplitReadingTests.bothWays(bytes: bytes, consumer, path: "plans/big.md")
        #expect(two.2.joins == (refused ? 0 : 1))
        let codes = one.1.map(\.code)
        #expect(codes.firstIndex(of: .duplicateRef)! < codes.firstIndex(of: .invalidUTF8)!)
        #expect(two.0 == one.0 && two.1 == one.1 && two.2.actions == one.2.actions)
    }

    /// Small plans from a vocabulary of lines that make reading hard, each read both ways with a
    /// cut allowed at any size: whether joined or read on in one piece, the result is one pass's.
    @Test func generatedPlansReadBothWaysAlike() {
        var random = SplitMix(seed: 7)
        var joined = 0
        for _ in 0..<3_000 {
            let bytes = Self.randomPlan(&random)
            let (one, two) = SplitReadingTests.bothWays(bytes: bytes, Recorder(), path: "plans/small.md")
            joined += two.2.joins
            #expect(two.0 == one.0 && two.1 == one.1 && two.2.actions == one.2.actions, "\(bytes)")
        }
        #expect(joined > 100)
    }

    static func randomPlan(_ random: inout SplitMix) -> [UInt8] {
        var outcome = 0, ref = 0
        var lines: [[UInt8]] = []
        if Bool.random(using: &random) { lines += ["---", "owner: x", "---"].map { Array($0.utf8) } }
        for _ in 0..<Int.random(in: 5..<80, using: &random) {
            let line: String
            switch Int.random(in: 0..<22, using: &random) {
            case 0: line = "# Title \(Int.random(in: 0..<3, using: &random))"
            case 1, 2, 3:
                outcome += 1
                line = Bool.random(using: &random) ? "## Outcome \(outcome): X" : "## Outcome \(Int.random(in: 1..<9, using: &random)): Y"
            case 4: line = "## Group \(Int.random(in: 0..<2, using: &random))"
            case 5: line = "### Section"
            case 6, 7: line = "| Ref | Action | Milestone | Due Date | Lead |\n|---|---|---|---|---|"
            case 8: line = "| Action | Lead |\n|---|---|"
            case 9: line = "| | | | | |\n|---|---|---|---|---|"
            case 10, 11, 12, 13:
                ref += 1
                let r = Int.random(in: 0..<4, using: &random) > 0 ? "r\(ref)" : ["1.1", "", "9.9"].randomElement(using: &random)!
                line = "| \(r) | act | m | \(["March 2019", "soon", ""].randomElement(using: &random)!) | \(["Ann", "ann", ""].randomElement(using: &random)!) |"
            case 14: line = "| | | more | 2020 | Bob |"
            case 15, 16: line = ""
            case 17: line = "prose | with a pipe"
            case 18: line = "prose"
            case 19: line = "| r\(ref) | Zo\u{EB} | | Purple | |"
            default: line = "| | | | 2021 | |"
            }
            var bytes = Array(line.utf8)
            // Now and then a byte that is not UTF-8, on a heading or a row.
            if Int.random(in: 0..<25, using: &random) == 0 { bytes.append(0xFF) }
            lines.append(bytes)
        }
        let newline: [UInt8] = Bool.random(using: &random) ? [0x0A] : [0x0D, 0x0A]
        return Array(lines.joined(separator: newline)) + newline
    }

    /// Each is a plan whose parts cannot be joined as one pass would read them.
    @Test(arguments: [
        "the consumer refuses", "unnumbered outcomes", "a reused outcome ref", "a ref used on both sides",
        "a second title after the cut",
    ])
    func partsThatCannotBeJoinedAreReadInOnePiece(why: String) {
        var consumer = Recorder()
        var text = Self.plan(outcomes: 60)
        switch why {
        case "the consumer refuses":
            consumer.refuses = true
        case "unnumbered outcomes":
            // Their refs come from their position, which the later part does not know (the
            // numbered ones have refs from 101 up, so the refs do not clash).
            text = Self.plan(outcomes: 60) { $0 > 40 ? "Group \($0)" : "Outcome \($0 + 100): Theme \($0)" }
        case "a reused outcome ref":
            text = Self.plan(outcomes: 60) { $0 > 40 ? "Outcome \($0 - 40): Another theme \($0)" : "Outcome \($0): Theme \($0)" }
        case "a ref used on both sides":
            // Listed as found, a duplicate ref would come out of order.
            text = Self.plan(outcomes: 60, reusedRef: true)
        default:
            // One pass makes it a section of the outcome above; read apart it would be a title.
            text = text.replacingOccurrences(of: "## Outcome 45: Theme 45\n", with: "# Annex\n\nMore words.\n\n## Outcome 45: Theme 45\n")
        }
        SplitReadingTests.expectReadInOnePiece(Self.bothWays(text, consumer))
    }

    @Test func overdueListsTheSameRowsInTheSameOrder() throws {
        let (one, two) = Self.bothWays(Self.plan(outcomes: 90, oneSpelling: true), SplitReadingTests.spillingCollector())
        try SplitReadingTests.expectSameOverdueLines(one, two)
    }

    @Test func theCutIsAnOutcomeHeadingAfterTheMiddle() throws {
        let text = Self.plan(outcomes: 60)
        let bytes = Array(text.utf8)
        let cut = try #require(bytes.withUnsafeBufferPointer { MarkdownCut.find(in: $0, after: 0) })
        #expect(cut >= bytes.count / 2)
        #expect(bytes[cut...].starts(with: Array("## Outcome ".utf8)))
        // The line the later part starts with is numbered as one pass numbers it.
        let line = bytes.withUnsafeBufferPointer { MarkdownCut.lineFeeds(ReaderInput(path: "x.md", bytes: $0), before: cut) } + 1
        #expect(text.components(separatedBy: "\n")[line - 1].hasPrefix("## Outcome "))
        // No heading in the second half: no cut.
        let flat = Array((String(repeating: "prose line\n", count: 50) + "## Outcome 1: A\n" + String(repeating: "| 1.1 | a |\n", count: 500)).utf8)
        #expect(flat.withUnsafeBufferPointer { MarkdownCut.find(in: $0, after: 0) } == nil)
    }
}
