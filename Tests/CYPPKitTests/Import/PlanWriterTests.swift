import Testing
@testable import CYPPKit

/// Writing a plan and reading it back gives the same plan: the writers' one promise.
@Suite("Plan writers")
struct PlanWriterTests {
    static let shipped = Repo.shippedPlans + ["markdown/basic.md", "csv/basic.csv"].map { "Tests/Fixtures/" + $0 }

    private func reread(_ text: String, as path: String) -> (Plan, [Diagnostic]) {
        PlanLoader.parse(SourceText(path, text))
    }

    @Test(arguments: Seeds.all)
    func markdownRoundTripsEveryImportedSeed(seed: String) throws {
        let result = try Seeds.imported(seed)
        let text = MarkdownPlanWriter.write(result.plan, groupWord: result.layout.groupWord)
        let (plan, diagnostics) = reread(text, as: "plan.md")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(PlanContent(plan) == PlanContent(result.plan))
    }

    @Test(arguments: Seeds.all)
    func csvRoundTripsEverythingItDoesNotReportOmitted(seed: String) throws {
        let result = try Seeds.imported(seed)
        let (text, omitted) = CSVPlanWriter.write(result.plan, groupWord: result.layout.groupWord)
        let (plan, diagnostics) = reread(text, as: "plan.csv")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        var expected = PlanContent(result.plan)
        // CSV holds no prose beyond the outcome-prose columns, and only the metadata it has columns for.
        expected.sections = []
        expected.metadata = expected.metadata.filter { ColumnKind.recognise($0.name) == .planMetadata }
        expected.outcomeSections = expected.outcomeSections.map { $0.filter { ColumnKind.recognise($0.title) == .outcomeSection && !$0.text.isEmpty } }
        #expect(PlanContent(plan) == expected)
        #expect(omitted.contains("metadata 'source: \(seed)'"))
        #expect(omitted.count == result.plan.sections.count + result.plan.metadata.count - expected.metadata.count
            + zip(result.plan.outcomes, expected.outcomeSections).reduce(0) { $0 + $1.0.sections.count - $1.1.count })
    }

    /// Plans read from files: Markdown gives them back whole (a CRLF inside a cell comes back
    /// as LF); CSV also gives every action every extra column, empty where it had none.
    @Test(arguments: shipped)
    func shippedPlansRoundTripThroughBothWriters(path: String) throws {
        let (plan, _, _) = try Repo.read(Repo.path(path))
        let md = reread(MarkdownPlanWriter.write(plan), as: "p.md").0
        var expected = PlanContent(plan).withLFLineBreaks()
        #expect(PlanContent(md) == expected)
        let (csv, _) = CSVPlanWriter.write(plan)
        expected.sections = []
        expected.metadata = expected.metadata.filter { ColumnKind.recognise($0.name) == .planMetadata }
        expected.outcomeSections = expected.outcomeSections.map { $0.filter { ColumnKind.recognise($0.title) == .outcomeSection && !$0.text.isEmpty } }
        #expect(PlanContent(reread(csv, as: "p.csv").0).withLFLineBreaks().withoutEmptyExtras() == expected.withoutEmptyExtras())
    }

    @Test func aFirstMilestoneWithItsOwnDateGoesOnAContinuationRow() throws {
        let location = SourceLocation(file: "x", line: 1)
        let action = Action(ref: "1.1", text: "Do | it", due: DueDateParser.parse(""), owner: "A",
                            narrative: "line one\nline two",
                            milestones: [Milestone(text: "First", due: DueDateParser.parse("May 2024"), owner: "B", location: location),
                                         Milestone(text: "Second", location: location)],
                            location: location)
        let plan = Plan(title: "T", outcomes: [Outcome(ref: "1", title: "O", actions: [action], location: location)],
                        path: "x.md", format: .markdown)
        let text = MarkdownPlanWriter.write(plan, groupWord: "Pillar")
        #expect(text.contains("## Pillar 1: O\n"))
        #expect(text.contains("| 1.1 | Do \\| it |  |  | A |  |  | line one<br>line two |\n|  |  | First | May 2024 | B |"))
        let back = reread(text, as: "x.md").0
        #expect(PlanContent(back) == PlanContent(plan))
        let csv = CSVPlanWriter.write(plan, groupWord: "Pillar").text
        #expect(csv.hasPrefix("Plan,Pillar,Ref,Action,Milestone,Due Date,Owner,"))
        #expect(PlanContent(reread(csv, as: "x.csv").0) == PlanContent(plan))
    }

    @Test func csvNamesWhatItCannotHold() {
        let location = SourceLocation(file: "x", line: 1)
        let action = Action(ref: "2.1", text: "Do", due: DueDateParser.parse(""), extras: [ExtraField(name: "Version", value: "v2")],
                            location: location)
        let plan = Plan(title: "T", metadata: [ExtraField(name: "version", value: "2"), ExtraField(name: "colour", value: "blue")],
                        sections: [Section(title: "Intro", text: "Hello")],
                        outcomes: [Outcome(ref: "1", title: "Empty", sections: [Section(title: "Notes", text: "n")], location: location),
                                   Outcome(ref: "2", title: "Full", actions: [action], location: location)],
                        path: "x.csv", format: .csv)
        let (text, omitted) = CSVPlanWriter.write(plan)
        #expect(omitted == ["plan section 'Intro'", "metadata 'colour: blue'", "outcome 1 (it has no actions)", "outcome 1 section 'Notes'",
                            "column 'Version' written as 'Version (column)' (CSV reads 'Version' as a plan-level column)"])
        let back = reread(text, as: "x.csv").0
        #expect(back.metadata == [ExtraField(name: "version", value: "2")])
        #expect(back.action(ref: "2.1")?.action.extras == [ExtraField(name: "Version (column)", value: "v2")])
    }
}
