import Foundation
import Testing
@testable import CYPPKit

/// The README's tables are documentation users rely on: they must match the code.
@Suite("README stays true")
struct ReadmeTests {
    static let readme = (try? String(contentsOfFile: Repo.path("README.md"), encoding: .utf8)) ?? ""

    @Test func listsEveryHeaderSynonym() {
        for (_, names) in ColumnKind.synonyms {
            for name in names {
                #expect(Self.readme.contains("`\(name)`"), "README lacks header name '\(name)'")
            }
        }
    }

    @Test(arguments: DiagnosticCode.allCases)
    func documentsEveryDiagnosticCode(code: DiagnosticCode) {
        #expect(Self.readme.contains("| \(code.id) | \(code.severity.rawValue) | \(code.summary) |"))
    }

    @Test func startsWithTheTwoCommands() {
        let firstBlock = Self.readme.components(separatedBy: "```").dropFirst().first ?? ""
        #expect(firstBlock.contains("make report") && firstBlock.contains("make test"))
    }
}

@Suite("Tables on a terminal")
struct TerminalTableTests {
    @Test(arguments: [60, 80, 200])
    func listRowsFitTheTerminalWidth(width: Int) throws {
        let portfolio = try PlanLoader.load([Repo.path("plans")])
        let rows = portfolio.plans.flatMap { plan in plan.allActions.map { (plan, $0.outcome, $0.action) } }
        let text = ActionRows.table(rows, showPlan: true, width: width)
        let lines = text.split(separator: "\n")
        #expect(lines.count == rows.count + 1)
        #expect(lines.allSatisfy { $0.count <= width }, "\(lines.map(\.count).max() ?? 0) > \(width)")
        #expect(lines[0].hasPrefix("PLAN") && lines[0].hasSuffix("ACTION"))
    }

    /// `overdue` on a terminal cuts only the action text to fit the window; every other column
    /// keeps its width, so a window too narrow for them wraps rather than cutting a ref or date.
    @Test(arguments: [80, 160, 200])
    func overdueCutsOnlyTheActionTextToFitTheTerminal(width: Int) throws {
        let portfolio = try PlanLoader.load([Repo.path("plans")])
        let rows = OverdueQuery(asOf: try #require(Day(iso: "2022-06-30"))).rows(in: portfolio)
        let fitted = OverdueRendering.table(rows, header: true, colour: false, terminal: true, width: width).split(separator: "\n")
        let whole = OverdueRendering.table(rows, header: true, colour: false, terminal: true).split(separator: "\n")
        #expect(fitted.count == whole.count)
        let actionAt = try #require(whole.first?.range(of: "ACTION")).lowerBound
        let offset = whole[0].distance(from: whole[0].startIndex, to: actionAt)
        for (a, b) in zip(fitted, whole) { #expect(a.prefix(offset) == b.prefix(offset), "\(a)") }
        if offset + 6 <= width { #expect(fitted.allSatisfy { $0.count <= width }, "\(fitted.map(\.count).max() ?? 0) > \(width)") }
        #expect(whole.map(\.count).max() ?? 0 > 160, "the bundled plans' rows are wider than the windows tried")
    }

    /// `owners` on a terminal fits its rows to the width by cutting names and emails, never
    /// the counts.
    @Test(arguments: [60, 80])
    func ownersRowsFitTheTerminalWidthWithTheirCountsWhole(width: Int) throws {
        let portfolio = try PlanLoader.load([Repo.path("plans")])
        let summaries = OwnerSummary.summaries(of: portfolio, asOf: try #require(Day(iso: "2022-06-30")))
        let lines = OwnersRendering.table(summaries, header: true, width: width).split(separator: "\n")
        let wide = OwnersRendering.table(summaries, header: true).split(separator: "\n")
        #expect(wide.map(\.count).max() ?? 0 > width, "the bundled plans' owners are wider than the terminal")
        #expect(lines.allSatisfy { $0.count <= width }, "\(lines.map(\.count).max() ?? 0) > \(width)")
        for (line, s) in zip(lines.dropFirst(), summaries) {
            #expect(line.hasSuffix("  \(s.red)") && line.contains("  \(s.actions)  "), "\(line)")
        }
    }

    @Test func inAPipeNothingIsCut() throws {
        let portfolio = try PlanLoader.load([Repo.path("plans/southend-cypp-2018-2020.md")])
        let rows = portfolio.plans.flatMap { plan in plan.allActions.map { (plan, $0.outcome, $0.action) } }
        let text = ActionRows.table(rows, showPlan: false, width: nil)
        #expect(!text.contains("…"))
        #expect(text.contains("Work with providers to reduce number of all young people with SEND who are NEET and increase"))
    }
}
