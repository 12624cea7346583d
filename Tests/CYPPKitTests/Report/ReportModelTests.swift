import Testing

@testable import CYPPKit

@Suite("Report model: the figures")
struct ReportModelTests {
    @Test func headlineFiguresAreTheFixturesKnownCounts() throws {
        let f = try ReportFixture.report().figures
        for (name, count) in ReportFixture.headline {
            #expect(ReportFixture.figure(f, name) == count, "\(name)")
        }
        #expect(f.complete.percent == ReportFixture.percentComplete)
        for row in ReportFixture.ratings {
            #expect(
                f.progress.share(row.rating) == Share(count: row.progress, total: 14),
                "progress \(String(describing: row.rating))")
            #expect(f.progress.share(row.rating).percent == row.progressPercent)
            #expect(f.impact.share(row.rating) == Share(count: row.impact, total: 14), "impact \(String(describing: row.rating))")
            #expect(f.impact.share(row.rating).percent == row.impactPercent)
        }
    }

    @Test func everyActionHasItsDerivedStatus() throws {
        let report = try ReportFixture.report()
        let got = report.actions.map {
            "\(report.plan(of: $0).label) \($0.action.ref) \($0.statusCode) \($0.statusDays.map(String.init) ?? "-")"
        }
        let want = ReportFixture.statuses.map { "\($0.plan) \($0.ref) \($0.status) \($0.days.map(String.init) ?? "-")" }
        #expect(got == want)
    }

    @Test func eachPlanAndOutcomeHasItsOwnFigures() throws {
        let report = try ReportFixture.report()
        #expect(report.plans.map(\.label) == ["alpha", "beta"])
        #expect(
            report.plans.map {
                [
                    $0.figures.actions, $0.figures.complete.count, $0.figures.complete.percent,
                    $0.figures.overdue, $0.figures.dueSoon, $0.figures.unrated, $0.figures.exceptions,
                ]
            }
                == [[9, 2, 22, 3, 1, 1, 5], [5, 1, 20, 1, 1, 1, 2]])
        #expect(
            report.outcomes.map { "\(report.plan(of: $0).label) \($0.ref) \($0.figures.actions) \($0.figures.overdue) \($0.figures.dueSoon)" }
                == ["alpha 1 5 3 1", "alpha 2 4 0 0", "beta 1 2 0 1", "beta 2 3 1 0"])
        #expect(report.actions.allSatisfy { report.plan(of: $0).figures.actions == (report.plan(of: $0).label == "alpha" ? 9 : 5) })
        #expect(report.title == "Progress report: 2 plans")
        #expect(report.board == "Success For All Children Group")
        #expect(report.horizonEnd == Day(year: 2025, month: 9, day: 28))
    }

    @Test func exceptionsAreListedOnceMostSeriousFirstWithEveryReason() throws {
        let report = try ReportFixture.report()
        let got = report.exceptions.map {
            "\(report.plan(of: $0).label) \($0.action.ref): " + $0.reasons.map(\.label).joined(separator: ", ")
        }
        #expect(
            got == [
                "alpha 1.2: Progress Red, Impact Red, overdue 30 days",
                "beta 2.1: Progress Red, overdue 181 days",
                "alpha 1.4: overdue 61 days, unrated past due",
                "alpha 1.5: overdue 30 days",
                "alpha 1.3: Progress Amber",
                "beta 1.2: Progress Amber",
                "alpha 2.3: milestone 2 overdue 61 days",
            ])
        let milestone = try #require(report.exceptions.last?.overdueMilestones.first)
        #expect(
            milestone
                == OverdueMilestone(
                    number: 2, text: "Workshops delivered", due: "April 2025", days: 61,
                    owner: "Laurence Doe, Head of Quality Assurance"))
    }

    @Test func ownersAreOnePersonHoweverTheirPostIsWritten() throws {
        let report = try ReportFixture.report()
        let got = report.owners.map { o in
            "\(o.name): \(o.figures.actions) actions, \(o.figures.overdue) overdue, \(o.figures.progress.count(.red)) red"
        }
        #expect(
            got == [
                "DCS: 3 actions, 0 overdue, 0 red",
                "Diane Keens: 1 actions, 1 overdue, 1 red",
                "Elaine Hammans: 1 actions, 1 overdue, 0 red",
                "Jeff Banks: 3 actions, 1 overdue, 0 red",
                "Laurence Doe: 2 actions, 0 overdue, 0 red",
                "Ruth Baker: 4 actions, 1 overdue, 1 red",
            ])
        let jeff = try #require(report.owners.first { $0.name == "Jeff Banks" })
        #expect(jeff.cells == ["Jeff Banks, Service Director, ABSS", "Jeff Banks, Director, ABSS"])
        let ruth = try #require(report.owners.first { $0.name == "Ruth Baker" })
        #expect(ruth.email == "ruth.baker@example.org")  // HoS (RB) through owners.csv
        #expect(ruth.cells == ["Ruth Baker, Head of Service", "HoS (RB)", "Ruth Baker"])
    }

    @Test func actionsWithoutAnOwnerAreGroupedLast() throws {
        let source = SourceText(
            "p.md",
            """
            # P
            ## 1. O
            | Ref | Action | Owner | Progress |
            |---|---|---|---|
            | 1 | A | Zed | Red |
            | 2 | B |  |  |
            | 3 | C | Amy | |
            """)
        let (plan, diagnostics) = PlanLoader.parse(source)
        #expect(!diagnostics.hasErrors)
        let report = Report(portfolio: Portfolio(plans: [plan]), options: .init(asOf: ReportFixture.asOf))
        #expect(report.owners.map(\.name) == ["Amy", "Zed", "(no owner)"])
    }

    @Test(arguments: [(0, 1), (61, 1), (62, 2), (92, 3)])
    func theHorizonDecidesWhatIsDueSoon(horizon: Int, dueSoon: Int) throws {
        let f = try ReportFixture.report(horizon: horizon).figures
        #expect(f.dueSoon == dueSoon)
        #expect(f.overdue == 4)
        #expect(f.dueSoon + f.later == 5)
    }

    @Test(arguments: [(1, 8, 13), (0, 0, 0), (3, 14, 21), (2, 3, 67), (1, 3, 33), (1, 200, 1), (1, 201, 0), (14, 14, 100)])
    func percentagesRoundHalfUp(count: Int, total: Int, percent: Int) {
        #expect(Share(count: count, total: total).percent == percent)
    }

    @Test func blueWithoutADeadlineIsComplete() {
        let (plan, _) = PlanLoader.parse(
            SourceText("p.md", "# P\n## 1. O\n| Ref | Action | Due | Progress |\n|---|---|---|---|\n| 1 | A | Ongoing | Blue |\n")
        )
        let report = Report(portfolio: Portfolio(plans: [plan]), options: .init(asOf: ReportFixture.asOf))
        #expect(report.actions.map(\.statusCode) == ["complete"])
        #expect(report.figures.noDeadline == 0 && report.figures.complete.count == 1)
    }
}
