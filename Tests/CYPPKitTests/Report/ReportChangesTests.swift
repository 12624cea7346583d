import Testing

@testable import CYPPKit

@Suite("Report: rating changes since the last meeting")
struct ReportChangesTests {
    static func describe(_ c: ReportChanges) -> [String] {
        c.changes.map { "\($0.plan.label) \($0.ref) \($0.field.rawValue) \($0.from)→\($0.to) \($0.direction.rawValue)" }
    }

    @Test func changesRunFromTheValueBeforeTheWindowToTheLatest() throws {
        let c = try ReportFixture.report().changes
        #expect(c.state == .ready)
        #expect(
            Self.describe(c) == [
                "alpha 1.2 progress Amber→Red down",
                "alpha 1.2 impact Amber→Red down",
                "alpha 1.5 progress Amber→Green up",  // three entries: Amber→Green→Amber→Green
                "alpha 2.1 impact Grey→Amber aside",
                "alpha 2.4 progress Green→Blue up",
            ])
        #expect(c.changes.first { $0.ref == "1.5" }?.entries == 3)
        #expect(c.changes.first { $0.ref == "1.5" }?.last.note == "corrected")
    }

    @Test func openActionsNobodyReratedAreStaleAndPlansWithoutHistoryAreNamed() throws {
        let report = try ReportFixture.report()
        let c = report.changes
        // 2.2 went Grey→Green→Grey: no net change, but it was re-rated, so it is not stale.
        // 2.3 only had its narrative updated. 1.1 and 2.4 are Blue, so not open.
        #expect(c.stale.map { "\(report.plan(of: $0).label) \($0.action.ref)" } == ["alpha 1.3", "alpha 1.4", "alpha 2.3"])
        #expect(c.plansWithoutHistory == ["beta"])
    }

    @Test func theWindowIncludesTheSinceDayAndStopsAtTheAsOfDay() throws {
        let later = try ReportFixture.report(since: Day(year: 2025, month: 6, day: 2)).changes
        #expect(!Self.describe(later).contains { $0.hasPrefix("alpha 1.2") })
        #expect(later.stale.map(\.action.ref).contains("1.2"))
        let afterwards = try ReportFixture.report(asOf: Day(year: 2025, month: 7, day: 31)!).changes
        #expect(Self.describe(afterwards).contains("alpha 1.3 progress Red→Amber up"))
        #expect(!afterwards.stale.map(\.action.ref).contains("1.3"))
    }

    @Test func withoutSinceOrWithoutHistoryTheSectionSaysSo() throws {
        let noSince = try ReportFixture.report(since: nil).changes
        #expect(noSince.state == .noSince && noSince.changes.isEmpty && noSince.stale.isEmpty)
        let beta = try ReportFixture.report([Repo.fixture("report/beta.csv")]).changes
        #expect(beta.state == .noHistory)
        #expect(beta.plansWithoutHistory == ["beta"])
    }

    @Test(arguments: [
        ("Red", "Amber", ReportChange.Direction.up), ("green", "BLUE", .up), ("Blue", "Red", .down),
        ("Amber", "Red", .down), ("Grey", "Green", .aside), ("Green", "Grey", .aside), ("", "Green", .aside),
        ("Green", "", .aside), ("Purple", "Red", .aside),
    ])
    func directionOfTravelFollowsRedAmberGreenBlue(from: String, to: String, direction: ReportChange.Direction) {
        let (plan, _) = PlanLoader.parse(
            SourceText("p.md", "# P\n## 1. O\n| Ref | Action | Progress |\n|---|---|---|\n| 1 | A | Green |\n"))
        let entry = HistoryEntry(
            time: "2025-06-10T10:00:00Z", who: "x", plan: "p.md", ref: "1", field: .progress,
            old: from, new: to, note: "")
        let report = Report(
            portfolio: Portfolio(plans: [plan]), options: .init(asOf: ReportFixture.asOf, since: ReportFixture.since),
            history: ["p.md": [entry]])
        #expect(report.changes.changes.map(\.direction) == [direction])
    }

    @Test func aRefNoLongerInThePlanIsStillReported() {
        let (plan, _) = PlanLoader.parse(
            SourceText("p.md", "# P\n## 1. O\n| Ref | Action | Progress |\n|---|---|---|\n| 1 | A | Green |\n"))
        let entry = HistoryEntry(
            time: "2025-06-10T10:00:00Z", who: "x", plan: "p.md", ref: "9.9", field: .impact,
            old: "Red", new: "Green", note: "")
        let report = Report(
            portfolio: Portfolio(plans: [plan]), options: .init(asOf: ReportFixture.asOf, since: ReportFixture.since),
            history: ["p.md": [entry]])
        #expect(report.changes.changes.map(\.ref) == ["9.9"])
        #expect(report.changes.changes.first?.action == nil)
        #expect(report.changes.stale.map(\.action.ref) == ["1"])
    }
}
