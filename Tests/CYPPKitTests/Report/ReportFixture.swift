import Foundation

@testable import CYPPKit

/// Tests/Fixtures/report: two plans (alpha.md, beta.csv), an owners.csv and alpha's history,
/// written so that every figure below is known. Every format test checks these same numbers.
enum ReportFixture {
    static let asOf = Day(year: 2025, month: 6, day: 30)!
    static let since = Day(year: 2025, month: 6, day: 1)!
    static let folder = Repo.fixture("report")

    static func report(_ paths: [String] = [folder], asOf: Day = asOf, horizon: Int = 90, since: Day? = since) throws -> Report {
        let portfolio = try PlanLoader.load(paths)
        precondition(!portfolio.diagnostics.hasErrors, "fixture plans must load cleanly: \(portfolio.diagnostics)")
        let history = Report.history(for: portfolio)
        return Report(
            portfolio: portfolio, options: Report.Options(asOf: asOf, horizon: horizon, since: since),
            history: history.entries)
    }

    /// The headline, as (label, count): what each format must show.
    static let headline: [(figure: String, count: Int)] = [
        ("actions", 14), ("complete", 3), ("overdue", 4), ("dueSoon", 2), ("unrated", 2), ("exceptions", 7),
        ("overdueMilestones", 1), ("unratedPastDue", 1), ("later", 3), ("noDeadline", 2),
    ]
    static let percentComplete = 21

    /// Per rating: Progress count and %, Impact count and %.
    static let ratings: [(rating: Rating?, progress: Int, progressPercent: Int, impact: Int, impactPercent: Int)] = [
        (.blue, 3, 21, 2, 14), (.green, 4, 29, 2, 14), (.amber, 2, 14, 3, 21),
        (.red, 2, 14, 1, 7), (.grey, 1, 7, 2, 14), (nil, 2, 14, 4, 29),
    ]

    /// Every action's derived status on the as-of day.
    static let statuses: [(plan: String, ref: String, status: String, days: Int?)] = [
        ("alpha", "1.1", "complete", nil), ("alpha", "1.2", "overdue", 30), ("alpha", "1.3", "due-soon", 62),
        ("alpha", "1.4", "overdue", 61), ("alpha", "1.5", "overdue", 30), ("alpha", "2.1", "later", nil),
        ("alpha", "2.2", "no-deadline", nil), ("alpha", "2.3", "later", nil), ("alpha", "2.4", "complete", nil),
        ("beta", "1.1", "complete", nil), ("beta", "1.2", "due-soon", 0), ("beta", "2.1", "overdue", 181),
        ("beta", "2.2", "later", nil), ("beta", "2.3", "no-deadline", nil),
    ]

    static func figure(_ f: Figures, _ name: String) -> Int {
        switch name {
        case "actions": f.actions
        case "complete": f.complete.count
        case "overdue": f.overdue
        case "dueSoon": f.dueSoon
        case "unrated": f.unrated
        case "exceptions": f.exceptions
        case "overdueMilestones": f.overdueMilestones
        case "unratedPastDue": f.unratedPastDue
        case "later": f.later
        case "noDeadline": f.noDeadline
        default: -1
        }
    }
}
