import Testing
@testable import CYPPKit

/// Seed 004 and the tab-milestone fixture: refs, milestone rows, HTML fragments, lost dots.
@Suite("Import: tab-separated tables with milestones (seed 004)")
struct TabMilestoneLayoutTests {
    @Test func seed004HasSixPrioritiesThirtyActionsAndTheirMilestones() throws {
        let r = try Seeds.imported(Seeds.improvement2021)
        #expect(r.layout == .tabMilestone)
        #expect(r.plan.title == "Improvement Plan 2021-2023: Children's Social Care, Early Help and Vulnerable Children")
        #expect(r.plan.metadata("version") == "Version 1.1 - Aug-Dec '21")
        #expect(r.plan.outcomes.map(\.actions.count) == [5, 6, 6, 5, 4, 4])
        #expect(r.milestoneCount == 79)
        #expect(r.plan.outcomes[1].title == "Improve quality assurance so that quality of practice is consistently good or better across all services")
    }

    @Test func refsThatLostTheirDotGetItBackAndSaySo() throws {
        let r = try Seeds.imported(Seeds.improvement2021)
        #expect(r.plan.outcomes[5].actions.map(\.ref) == ["6.2", "6.3", "6.4", "6.5"])
        #expect(r.notes.map(\.message) == ["62", "63", "64", "65"].map { "ref '\($0)' read as '6.\($0.dropFirst())' (the document lost its dot)" })
        #expect(r.notes.map(\.line) == [227, 231, 234, 235])
    }

    @Test func milestonesKeepTheirTextDatesAndLeads() throws {
        let plan = try Seeds.imported(Seeds.improvement2021).plan
        let a21 = try #require(plan.action(ref: "2.1")?.action)
        #expect(a21.milestones.map(\.text) == [
            "Reduction in use of agency workers by 35% vs September 2020 baseline (13) c162",
            "Recruitment targets for Apprentices, NQSW and PE educators are achieved in line with R&R strategy.",
            "90% NQSW successfully complete the ASYE within 13 months (excluding LTS and Maternity)",
            "Supernumerary posts <2% of established workforce ( L8 and above ) FY 20/21 - 181.8 FTE L8 and above",
        ])
        let a38 = try #require(plan.action(ref: "3.8")?.action)
        #expect(a38.due.text == "Oct 2021" && a38.owner == "HoS (LD)" && a38.start?.text == "Jan 2021")
        #expect(a38.milestones[1].due?.text == "April 2022" && a38.milestones[1].owner == "HoS (JH)")
        #expect(plan.action(ref: "2.8")?.action.milestones[1].owner == "HoS (RB)")
        let a44 = try #require(plan.action(ref: "4.4")?.action)
        #expect(a44.milestones.count == 3)
        #expect(a44.milestones[0].text == "We have established an accurate & reliable evidence base of the causes of neglect and its prevalence in our communities")
        #expect(plan.action(ref: "4.3")?.action.due.text == "April 2022")  // headed "Milestone Due"
    }

    @Test func theIntroductionAndGovernanceAreReportedUnplaced() throws {
        let r = try Seeds.imported(Seeds.improvement2021)
        #expect(r.unplaced.first?.number == 13 && r.unplaced.first?.trimmed == "# Introduction")
        #expect(r.unplaced.contains { $0.number == 238 && $0.text == "# Governance" })
        #expect(r.unplaced.contains { $0.text == "1 Leadership will drive our ambition and purpose throughout the organisation" })
        #expect(r.unplaced.allSatisfy { $0.number < 103 || $0.number >= 238 })
    }

    @Test func matchesTheHandConvertedPlan() throws {
        let imported = PlanContent(try Seeds.imported(Seeds.improvement2021).plan)
        let shipped = PlanContent(try Repo.read(Repo.path("plans/southend-improvement-plan-2021-2023.csv")).plan)
        #expect(imported.actions == shipped.actions)
        #expect(imported.outcomes == shipped.outcomes)
        #expect(imported.outcomeSections == shipped.outcomeSections)
        #expect(imported.title == shipped.title)
    }

    @Test func fixtureCoversHeaderVariantsFragmentsAndMissingRefs() throws {
        let r = try importFixture("tab-milestones.txt")
        let plan = r.plan
        #expect(plan.title == "Test Improvement Plan 2024-2026: Test Services")
        #expect(plan.metadata("version") == "Version 2.0")
        #expect(plan.outcomes[0].sections == [Section(title: "Expected outcome once delivered", text: "Staff feel part of the plan")])
        let a = try #require(plan.action(ref: "1.1")?.action)
        #expect(a.milestones.map(\.text) == ["First milestone", "Second c101 milestone", "Third milestone with its own date", "Fourth & last"])
        #expect(a.milestones.map { $0.due?.text } == [nil, nil, "March 2025", nil])
        #expect(a.milestones.map(\.owner) == [nil, nil, "HoS (AB)", nil])
        #expect(plan.allActions.map(\.action.ref) == ["1.1", "2.1", "2.2", "3.10"])
        #expect(plan.action(ref: "2.1")?.action.due.text == "Dec 2024")
        #expect(plan.action(ref: "3.10")?.action.milestones.first?.text == "Supernumerary posts <2% of staff ( L8 )")
        #expect(plan.action(ref: "3.10")?.action.due.text == "Sept 2024")
        #expect(r.notes == [ImportNote(line: 30, "ref '21' read as '2.1' (the document lost its dot)"),
                            ImportNote(line: 31, "action has no ref; numbered '2.2' by position")])
        #expect(r.unplaced.map(\.number) == [9, 11])
    }
}
