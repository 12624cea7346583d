import Testing
@testable import CYPPKit

@Suite("CSV plan reader")
struct CSVPlanReaderTests {
    @Test func readsBOMCRLFQuotedMultilineFieldsAndGroupsByOutcome() throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.fixture("csv/basic.csv"))
        #expect(diagnostics.map(\.code) == [.missingTitle])
        #expect(plan.format == .csv)
        #expect(plan.outcomes.map(\.ref) == ["1", "2"])
        #expect(plan.outcomes.map(\.title) == ["Best start", "Safe"])
        let a = try #require(plan.action(ref: "1.1")?.action)
        #expect(a.text == "Deliver \"Let's Talk\", in wards")
        #expect(a.narrative == "Line one\r\nline two")
        #expect(a.extras == [ExtraField(name: "Notes", value: "kept")])
        #expect(a.milestones.map(\.text) == ["First milestone", "Second milestone"])
        #expect(a.milestones[1].due?.deadline == Day(year: 2022, month: 4, day: 30))
        #expect(a.milestones[1].owner == "HoS (JH)")
        #expect(a.location.line == 2)
        let b = try #require(plan.action(ref: "1.2")?.action)
        #expect(b.location.line == 5, "the quoted newline in row 2 moves later rows down")
        #expect(b.progress == .amber && b.impact == .red)
        #expect(b.due.deadline == Day(year: 2022, month: 3, day: 31))
        #expect(plan.action(ref: "2.1")?.action.due.deadline == Day(year: 2022, month: 3, day: 31))
    }

    /// Repeated refs are reported where they are in the file, among the row's other problems:
    /// the ref index takes refs a batch at a time, and is brought up to date before any other
    /// problem is kept.
    /// Rows 22 to 84 fill two batches with no other problem among them, so the first repeat
    /// is found by a batch filling up, not by a problem reported after it.
    @Test func repeatedRefsAreReportedInFileOrder() {
        var csv = "Plan,Outcome,Ref,Action,Progress\nP,1: A,1.1,Do,\n"
        for i in 2...80 { csv += "P,1: A,1.\(i),Do,\(i == 20 ? "Purple" : "")\n" }
        csv += "P,1: A,1.1,Again,\n"
        for i in 81...120 { csv += "P,1: A,1.\(i),Do,\n" }
        csv += "P,1: A,1.3,Again,\nP,1: A,1.121,Do,Mauve\nP,1: A,1.2,Again,\n"
        let (_, diagnostics) = PlanLoader.parse(SourceText("order.csv", csv))
        #expect(diagnostics.map { "\($0.location.line) \($0.code)" } == [
            "21 \(DiagnosticCode.unknownRating)", "82 \(DiagnosticCode.duplicateRef)", "123 \(DiagnosticCode.duplicateRef)",
            "124 \(DiagnosticCode.unknownRating)", "125 \(DiagnosticCode.duplicateRef)",
        ])
        #expect(diagnostics[1].message == "duplicate ref '1.1' (first used on line 2); refs must be unique in a plan")
        #expect(diagnostics[1].location == SourceLocation(file: "order.csv", line: 82))
    }

    /// A Plan column left empty names no plan either: the file name is used, with the same warning.
    /// Blank lines (or rows of empty fields) above the header are skipped, not read as it.
    @Test(arguments: ["\n\n", "\r\n,,\r\n", "\u{FEFF}\n"])
    func blankLinesBeforeTheHeaderAreSkipped(above: String) {
        let (plan, diagnostics) = PlanLoader.parse(SourceText("lead.csv", above + "Plan,Outcome,Ref,Action\nP,1: A,1.1,Do\n"))
        #expect(diagnostics.isEmpty)
        #expect(plan.allActions.map(\.action.ref) == ["1.1"])
        #expect(plan.allActions.first?.action.location.line == above.filter { $0 == "\n" || $0 == "\r\n" }.count + 2)
    }

    @Test func anEmptyPlanColumnIsWarnedAboutAsAMissingOne() throws {
        let (plan, diagnostics) = PlanLoader.parse(SourceText("plans/my-plan.csv", "Plan,Outcome,Ref,Action\n,1: A,1.1,Do it\n"))
        #expect(plan.title == "my plan")
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1 && d.code == .missingTitle)
        #expect(d.message == "the Plan column is empty in every row; using 'my plan'")
    }

    @Test func unterminatedQuoteIsAnErrorAtTheOpeningQuote() throws {
        let (_, diagnostics, _) = try Repo.read(Repo.fixture("csv/unterminated.csv"))
        let d = try #require(diagnostics.first { $0.code == .unterminatedQuote })
        #expect(d.location.line == 3)
        #expect(d.location.column == 9)
        #expect(d.severity == .error)
        #expect(diagnostics.contains { $0.code == .missingOutcome && $0.location.line == 2 })
    }

    @Test func missingActionColumnIsOneClearError() throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.fixture("csv/no-action-column.csv"))
        #expect(diagnostics.map(\.code) == [.missingActionColumn])
        #expect(diagnostics[0].message == "header has no Action column (found: 'Ref', 'Owner', 'Due Date')")
        #expect(plan.outcomes.isEmpty)
    }

    @Test func unknownRatingsAndDuplicateRefsAreErrorsWithPositions() throws {
        let (_, diagnostics, _) = try Repo.read(Repo.fixture("csv/problems.csv"))
        let found = diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.id)" }
        #expect(Set(found) == ["3:32 CYPP005", "4:1 CYPP006", "1:1 CYPP014"])
    }

    @Test func emptyAndInvalidUTF8FilesAreReported() throws {
        let (_, empty, _) = try Repo.read(Repo.fixture("csv/empty.csv"))
        #expect(empty.contains { $0.code == .emptyFile })
        let (plan, invalid, _) = try Repo.read(Repo.fixture("csv/invalid-utf8.csv"))
        let d = try #require(invalid.first { $0.code == .invalidUTF8 })
        #expect(d.location.line == 2 && d.location.column == 14)
        #expect(plan.action(ref: "1.1")?.action.text == "Bad \u{FFFD}\u{FFFD} bytes")
    }
}
