import Foundation
import Testing
@testable import CYPPKit

/// What `rate` relies on: writing back changes only the cells edited.
@Suite("Round trip and in-place edits")
struct RoundTripTests {
    static let files = Repo.shippedPlans.map(Repo.path) + [
        Repo.fixture("markdown/basic.md"), Repo.fixture("csv/basic.csv"), Repo.fixture("markdown/pagebreak.md"),
    ]

    @Test(arguments: files)
    func unchangedPlanWritesBackByteIdentical(path: String) throws {
        let (plan, _, source) = try Repo.read(path)
        #expect(try PlanEditor.apply([], to: source, plan: plan) == source.bytes)
    }

    @Test(arguments: Repo.shippedPlans.map(Repo.path) + [Repo.fixture("markdown/basic.md"), Repo.fixture("csv/basic.csv")])
    func ratingEveryActionChangesOnlyThoseCells(path: String) throws {
        let (plan, _, source) = try Repo.read(path)
        let edits = plan.allActions.flatMap { _, a in
            [PlanEditor.Edit(ref: a.ref, field: .progress, value: "Green"),
             PlanEditor.Edit(ref: a.ref, field: .impact, value: "Amber")]
        }
        let written = try PlanEditor.apply(edits, to: source, plan: plan)
        let (reread, diagnostics) = PlanLoader.parse(SourceText(path: path, bytes: written))
        #expect(!diagnostics.hasErrors)
        for ((_, before), (_, after)) in zip(plan.allActions, reread.allActions) {
            #expect(after.progress == .green && after.impact == .amber)
            #expect(after.text == before.text && after.owner == before.owner && after.due == before.due)
            #expect(after.milestones == before.milestones && after.narrative == before.narrative)
        }
        // Only the action rows' lines differ, and the file has the same number of lines.
        let old = source.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let new = written.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(old.count == new.count)
        let actionLines = Set(plan.allActions.map(\.action.location.line))
        for (i, (a, b)) in zip(old, new).enumerated() where a != b {
            #expect(actionLines.contains(i + 1), "line \(i + 1) changed but holds no action row")
        }
    }

    @Test func markdownEditsKeepAnAlignedTableAligned() throws {
        let text = """
            ## O
            | Ref | Action | Progress |
            |-----|--------|----------|
            | 1   | Do     | Green    |
            | 2   | Do     |          |

            """
        let source = SourceText("p.md", text)
        let (plan, _) = PlanLoader.parse(source)
        let written = try PlanEditor.apply([.init(ref: "1", field: .progress, value: "Red"), .init(ref: "2", field: .progress, value: "Amber")],
                                           to: source, plan: plan)
        #expect(String(decoding: written, as: UTF8.self) == text
            .replacingOccurrences(of: "| Green    |", with: "| Red      |")
            .replacingOccurrences(of: "| Do     |          |", with: "| Do     | Amber    |"))
    }

    @Test func narrativeEditsEscapePipesAndNewlines() throws {
        let (plan, _, source) = try Repo.read(Repo.fixture("markdown/basic.md"))
        let written = try PlanEditor.apply([.init(ref: "1.2", field: .narrative, value: "a | b\nc")], to: source, plan: plan)
        let (reread, _) = PlanLoader.parse(SourceText(path: "basic.md", bytes: written))
        #expect(reread.action(ref: "1.2")?.action.narrative == "a | b\nc")
        #expect(reread.outcomes[0].actions.count == 2)
    }

    @Test func csvEditsQuoteWhenNeeded() throws {
        let (plan, _, source) = try Repo.read(Repo.fixture("csv/basic.csv"))
        let written = try PlanEditor.apply([.init(ref: "1.2", field: .narrative, value: "Slipped, \"badly\"")], to: source, plan: plan)
        let (reread, _) = PlanLoader.parse(SourceText(path: "basic.csv", bytes: written))
        #expect(reread.action(ref: "1.2")?.action.narrative == "Slipped, \"badly\"")
        #expect(reread.allActions.count == plan.allActions.count)
    }

    @Test func editingACellThePlanDoesNotHaveIsAnError() throws {
        let source = SourceText("p.md", "# P\n## O\n| Ref | Action |\n|--|--|\n| 1 | Do |\n")
        let (plan, _) = PlanLoader.parse(source)
        #expect(throws: EditError.self) { try PlanEditor.apply([.init(ref: "1", field: .progress, value: "Red")], to: source, plan: plan) }
        #expect(throws: EditError.unknownRef("9")) { try PlanEditor.apply([.init(ref: "9", field: .progress, value: "Red")], to: source, plan: plan) }
    }
}
