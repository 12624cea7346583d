import Testing
@testable import CYPPKit

/// plans/ holds each seed as `import` made it, reviewed by hand. The hand corrections are
/// the README's list; nothing else may differ from what `import` gives today.
@Suite("Bundled plans against import")
struct ShippedImportsTests {
    /// Refs the README says were corrected by hand after import.
    static let handCorrected: [String: [String]] = [
        Seeds.cypp2018: [], Seeds.improvement2021: [], Seeds.cypp2016: [], Seeds.cypp2008: [],
        Seeds.thurrock2012: ["1.4", "1.11", "3.1", "4.1", "4.2", "4.4", "4.6"],
    ]

    @Test(arguments: Seeds.all)
    func onlyTheDocumentedActionsWereCorrectedByHand(seed: String) throws {
        let imported = PlanContent(try Seeds.imported(seed).plan)
        let path = try #require(Seeds.plans[seed])
        let (plan, diagnostics, _) = try Repo.read(Repo.path(path))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let shipped = PlanContent(plan)
        #expect(PlanContent.differingRefs(imported, shipped) == Self.handCorrected[seed])
        #expect(imported.outcomes == shipped.outcomes)
    }

    @Test func thurrockCorrectionsSplitWhatTheExtractionRanTogether() throws {
        let (plan, _, _) = try Repo.read(Repo.path("plans/thurrock-cypp-2012-2013.md"))
        let a = try #require(plan.action(ref: "4.2")?.action)
        #expect(a.milestones.map(\.text) == ["Rationalise support functions", "New independent chair of LSCB",
                                             "Re draft revised terms of reference", "Implement post -Munro implementation plan"])
        #expect(a.milestones.map(\.owner) == ["Roger Harris", "HOS-CATO", "HOS-CATO", "HOS-CATO"])
        let b = try #require(plan.action(ref: "1.11")?.action)
        #expect(b.milestones.map { $0.due?.text } == ["April 2012 and on going", "March 2013", "February 2013"])
        #expect(b.milestones.map(\.owner) == ["SILS", "SILS", "EYFC"])
        #expect(plan.action(ref: "3.1")?.action.milestones[1].due?.deadline == Day(year: 2012, month: 6, day: 30))
        #expect(plan.action(ref: "1.4")?.action.owner == "EYFC")
        #expect(plan.metadata("partnership") == "Thurrock")
    }

    @Test func theNewPlansHaveTheirGroupsAndActions() throws {
        let counts: [(String, [Int])] = [
            ("plans/southend-cypp-2016-2017.md", [12, 8, 5, 8]),
            ("plans/southend-cypp-2008-2009.md", [15, 58, 34, 34, 21, 29, 27]),
            ("plans/thurrock-cypp-2012-2013.md", [11, 7, 10, 10]),
        ]
        for (path, expected) in counts {
            let (plan, _, _) = try Repo.read(Repo.path(path))
            #expect(plan.outcomes.map(\.actions.count) == expected, "\(path)")
        }
    }
}
