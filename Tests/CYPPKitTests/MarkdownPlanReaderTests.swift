import Foundation
import Testing
@testable import CYPPKit

@Suite("Markdown plan reader")
struct MarkdownPlanReaderTests {
    @Test func readsTitleFrontMatterSectionsAndOutcomes() throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.fixture("markdown/basic.md"))
        // 1.2's continuation row has a date and owner but the table has no Milestone column.
        #expect(diagnostics.map { "\($0.location.line) \($0.code.id)" } == ["22 CYPP026"])
        #expect(plan.title == "Test Partnership Plan 2024–2026")
        #expect(plan.metadata("period") == "2024–2026")
        #expect(plan.metadata("Board") == "Success For All Children Group")
        #expect(plan.sections == [Section(title: "Introduction", text: "A plan used by the tests.")])
        #expect(plan.outcomes.map(\.ref) == ["1", "2"])
        #expect(plan.outcomes.map(\.title) == ["Children have the best start in life", "Children are safe"])
        #expect(plan.outcomes[0].sections == [Section(title: "Why this is important to us", text: "The first 1000 days matter.")])
    }

    @Test func readsCellsByHeaderNameWithEscapesAndLineBreaks() throws {
        let (plan, _, _) = try Repo.read(Repo.fixture("markdown/basic.md"))
        let a = try #require(plan.action(ref: "1.1")?.action)
        #expect(a.text == "Deliver 'Let's Talk' | speech programme")
        #expect(a.due.text == "March 2025")
        #expect(a.due.deadline == Day(year: 2025, month: 3, day: 31))
        #expect(a.owner == "Jeff Banks, Director, ABSS")
        #expect(a.progress == .green)
        #expect(a.impact == .amber)
        #expect(a.narrative == "On track\ntwo sites live")
        #expect(a.extras == [ExtraField(name: "Funding", value: "ABSS")])
        #expect(a.location.line == 20)
    }

    @Test func continuationRowsBecomeMilestonesWithTheirOwnDueDateAndOwner() throws {
        let (plan, _, _) = try Repo.read(Repo.fixture("markdown/basic.md"))
        let a12 = try #require(plan.action(ref: "1.2")?.action)
        #expect(a12.progress == .blue)
        #expect(a12.due.deadline == Day(year: 2024, month: 12, day: 31))
        #expect(a12.milestones.count == 1)
        #expect(a12.milestones[0].due?.deadline == Day(year: 2025, month: 6, day: 30))
        #expect(a12.milestones[0].owner == "Elaine Hammans")

        let a21 = try #require(plan.action(ref: "2.1")?.action)
        #expect(a21.milestones.map(\.text) == ["Thresholds agreed", "Training delivered", "Audit shows consistent use"])
        #expect(a21.milestones.map { $0.due?.deadline } == [nil, Day(year: 2025, month: 5, day: 31), nil])
        #expect(a21.milestones.map(\.owner) == [nil, "HoS (RB)", nil])
        #expect(a21.due.deadline == Day(year: 2026, month: 3, day: 31))
        #expect(a21.progress == .red && a21.impact == .grey)
    }

    @Test func ongoingHasNoDeadlineAndIsNotAWarning() throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.fixture("markdown/basic.md"))
        let a = try #require(plan.action(ref: "2.2")?.action)
        #expect(a.due.text == "Ongoing")
        #expect(a.due.deadline == nil)
        #expect(!diagnostics.contains { $0.code == .unparsedDate })
    }

    @Test func reportsEveryProblemWithItsPosition() throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.fixture("markdown/problems.md"))
        let found = diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.id)" }
        #expect(found.contains("3:1 CYPP010"), "table before outcome: \(found)")
        #expect(found.contains("11:43 CYPP005"), "unknown rating: \(found)")
        #expect(found.contains("12:1 CYPP006"), "duplicate ref: \(found)")
        #expect(found.contains("12:25 CYPP007"), "unparsed date: \(found)")
        #expect(found.contains("13:23 CYPP007"), "impossible date: \(found)")
        #expect(found.contains("13:44 CYPP009"), "extra cells: \(found)")
        #expect(found.contains("17:1 CYPP004"), "no action column: \(found)")
        #expect(found.contains("25:1 CYPP011"), "orphan continuation: \(found)")
        let rating = try #require(diagnostics.first { $0.code == .unknownRating })
        #expect(rating.message == "unknown progress rating 'Purple' (expected Blue, Red, Amber, Green, Grey or blank)")
        #expect(rating.description.hasPrefix("\(Repo.fixture("markdown/problems.md")):11:43: error: "))
        // The plan is still read as far as it can be.
        #expect(plan.outcomes.map(\.actions.count) == [3, 0, 0])
        let extra = try #require(plan.action(ref: "1.3")?.action.extras.first)
        #expect(extra == ExtraField(name: "column 7", value: "surplus"))
    }

    /// Repeated refs among a Markdown plan's other problems, in file order: refs are checked a
    /// batch at a time, across outcome headings, and before any other problem is kept.
    @Test func repeatedRefsAreReportedInFileOrder() {
        var md = "# Plan\n\n## 1. First\n\n| Ref | Action | Progress |\n|---|---|---|\n"
        for i in 1...40 { md += "| 1.\(i) | Do | \(i == 30 ? "Purple" : "") |\n" }
        md += "\n## 2. Second\n\n| Ref | Action | Progress |\n|---|---|---|\n| 1.5 | Again | |\n"
        for i in 1...40 { md += "| 2.\(i) | Do | \(i == 3 ? "Mauve" : "") |\n" }
        md += "| 1.6 | Again | |\n"
        let (_, diagnostics) = PlanLoader.parse(SourceText("order.md", md))
        #expect(diagnostics.map { "\($0.location.line) \($0.code)" } == [
            "36 \(DiagnosticCode.unknownRating)", "52 \(DiagnosticCode.duplicateRef)",
            "55 \(DiagnosticCode.unknownRating)", "93 \(DiagnosticCode.duplicateRef)",
        ])
        #expect(diagnostics[1].message == "duplicate ref '1.5' (first used on line 11); refs must be unique in a plan")
    }

    @Test func aHeaderlessTableAfterAPageBreakContinuesTheTableAbove() throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.fixture("markdown/pagebreak.md"))
        #expect(diagnostics.map(\.code) == [.milestoneWithoutText])
        let actions = plan.outcomes[0].actions
        #expect(actions.map(\.ref) == ["1.1", "1.2"])
        #expect(actions[0].milestones.map(\.owner) == ["Owner Two"])
        #expect(actions[1].due.deadline == Day(year: 2025, month: 12, day: 31))
    }

    @Test func withoutATitleOrRefColumnTheReaderWarnsAndDerives() {
        let (plan, diagnostics) = PlanLoader.parse(SourceText("dir/my-plan.md", "## Safe\n\n| Action | Owner |\n|---|---|\n| Do it | Me |\n| Do more | You |\n"))
        #expect(plan.title == "my plan")
        #expect(plan.outcomes[0].actions.map(\.ref) == ["1.1", "1.2"])
        #expect(Set(diagnostics.map(\.code)) == [.missingTitle, .derivedRefs])
        #expect(!diagnostics.hasErrors)
    }

    @Test func crlfFilesReadLikeLFFiles() throws {
        let text = try String(contentsOfFile: Repo.fixture("markdown/basic.md"), encoding: .utf8)
        let (lf, _) = PlanLoader.parse(SourceText("a.md", text))
        let (crlf, d) = PlanLoader.parse(SourceText("a.md", text.replacingOccurrences(of: "\n", with: "\r\n")))
        #expect(d.map(\.code) == [.milestoneWithoutText])
        #expect(lf.outcomes.map { $0.actions.map(\.text) } == crlf.outcomes.map { $0.actions.map(\.text) })
        #expect(crlf.action(ref: "1.1")?.action.narrative == "On track\ntwo sites live")
    }
}

@Suite("Review fixes: outcome refs, blank headers, missing refs")
struct ReaderReviewTests {
    @Test func outcomesSharingARefAreReported() {
        let (_, diagnostics) = PlanLoader.parse(SourceText("p.md", "# P\n## Outcome 1: A\n## Priority One: B\n"))
        #expect(diagnostics.map { "\($0.location.line) \($0.code.id)" }.contains("3 CYPP025"))
    }

    @Test func blankHeaderCellsKeepTheirValuesUnderDistinctNames() {
        let (plan, _) = PlanLoader.parse(SourceText("p.csv", "Priority,Ref,Action,,,\nP1,1.1,a,x,y,z\n"))
        #expect(plan.action(ref: "1.1")?.action.extras.map(\.name) == ["column 4", "column 5", "column 6"])
        #expect(plan.action(ref: "1.1")?.action.extras.map(\.value) == ["x", "y", "z"])
    }

    @Test func aMissingRefGetsAPlaceholderThatCannotCollide() {
        let text = "## O\n| Ref | Action |\n|--|--|\n| 1.1 | a |\n|  | b |\n| 1.3 | c |\n"
        let (plan, diagnostics) = PlanLoader.parse(SourceText("p.md", text))
        #expect(plan.outcomes[0].actions.map(\.ref) == ["1.1", "(line 5)", "1.3"])
        #expect(diagnostics.filter { $0.severity == .error }.map(\.code) == [.missingRef])
    }

    @Test(arguments: [("2", ["2"]), ("Outcome 2", ["2"]), ("Priority Two", ["2"]), ("2050", []), ("2050 vision", ["3"]), ("vision", ["3"])])
    func outcomeFilterPrefersRefs(want: String, refs: [String]) {
        let (plan, _) = PlanLoader.parse(SourceText("p.md", """
            ## 1: Top 2 things
            ## 2: Other
            ## 3: 2050 vision
            """))
        #expect(plan.outcomes.filter { OutcomeMatch(want).matches($0) }.map(\.ref) == refs)
    }
}
