import Testing
@testable import CYPPKit

/// The real plans in plans/ against what the source documents say.
@Suite("Shipped plans")
struct ShippedPlansTests {
    @Test func southendCYPP2018HasFiveOutcomesAndThirtyActions() throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.path("plans/southend-cypp-2018-2020.md"))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(plan.title == "Southend Children and Young People's Plan 2018 – 2020")
        #expect(plan.metadata("board") == "Success For All Children Group")
        #expect(plan.outcomes.map(\.ref) == ["1", "2", "3", "4", "5"])
        #expect(plan.outcomes.map(\.actions.count) == [4, 6, 6, 6, 8])
        #expect(plan.outcomes[3].title == "Children and Young People are safe")
        #expect(plan.outcomes.allSatisfy { o in o.sections.map(\.title) == [
            "Why this is important to us", "How we will know we are successful", "Plans to which this outcome aligns",
        ] })
        #expect(plan.sections.map(\.title) == ["Introduction", "BRAG rating"])
    }

    @Test func rowsSplitAcrossPagesAreWhole() throws {
        let (plan, _, _) = try Repo.read(Repo.path("plans/southend-cypp-2018-2020.md"))
        let a = try #require(plan.action(ref: "1.2")?.action)
        #expect(a.text == "Programme for improving the development and progress of child in need plans to be designed and implemented")
        #expect(a.owner == "Diane Keens , Head of Placements and Resources, SCB")
        #expect(a.due.deadline == Day(year: 2018, month: 12, day: 31))
        let b = try #require(plan.action(ref: "5.3")?.action)
        #expect(b.text.hasPrefix("The 0-19s model to be brought in house to include Health Visiting, School Nursing, Early Years (including"))
        #expect(b.text.hasSuffix("Children's Social Care and Maternity."))
        #expect(plan.action(ref: "4.6")?.action.text
            == "Review of children who have become looked after to identify any delay, action plan implemented and further review undertaken")
        #expect(plan.action(ref: "5.4")?.action.due.deadline == Day(year: 2021, month: 4, day: 30))
    }

    @Test func improvementPlan2021HasSixPrioritiesWithRefsAndMilestones() throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.path("plans/southend-improvement-plan-2021-2023.csv"))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(plan.title.hasPrefix("Improvement Plan 2021-2023"))
        #expect(plan.metadata("Version") == "Version 1.1 - Aug-Dec '21")
        #expect(plan.outcomes.map(\.ref) == ["1", "2", "3", "4", "5", "6"])
        #expect(plan.outcomes.map(\.actions.count) == [5, 6, 6, 5, 4, 4])
        let refs = plan.allActions.map(\.action.ref)
        #expect(refs.first == "1.1" && refs.last == "6.5")
        #expect(refs.contains("3.10") && refs.contains("6.2"))
        #expect(plan.allActions.reduce(0) { $0 + $1.action.milestones.count } == 79)
    }

    @Test func milestonesKeepTheirOwnDueDatesAndLeads() throws {
        let (plan, _, _) = try Repo.read(Repo.path("plans/southend-improvement-plan-2021-2023.csv"))
        let a = try #require(plan.action(ref: "3.8")?.action)
        #expect(a.start?.period?.start == Day(year: 2021, month: 1, day: 1))
        #expect(a.due.deadline == Day(year: 2021, month: 10, day: 31))
        #expect(a.owner == "HoS (LD)")
        #expect(a.milestones.count == 3)
        #expect(a.milestones[1].text.hasPrefix("Placement order to Match is below National Average of 170 days"))
        #expect(a.milestones[1].due?.deadline == Day(year: 2022, month: 4, day: 30))
        #expect(a.milestones[1].owner == "HoS (JH)")
        #expect(a.milestones[2].due == nil && a.milestones[2].owner == nil)
        let b = try #require(plan.action(ref: "2.8")?.action)
        #expect(b.milestones[1].owner == "HoS (RB)" && b.milestones[1].due == nil)
        let c = try #require(plan.action(ref: "1.1")?.action)
        #expect(c.start?.text == "June 2020")
        #expect(c.owner == "DCS")
    }

    /// Every date resolves, save the one the 2008–09 plan leaves open (`As in Play Strategy`).
    /// The 2018 and 2021 plans date every action; the others date milestones, or nothing (2016–17).
    @Test(arguments: Repo.shippedPlans)
    func everyDateInTheShippedPlansResolves(path: String) throws {
        let (plan, diagnostics, _) = try Repo.read(Repo.path(path))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let unparsed = diagnostics.filter { $0.code == .unparsedDate }.map(\.message)
        #expect(unparsed == (path.hasSuffix("2008-2009.md") ? ["unparsed due date 'As in Play Strategy'; no deadline taken from it"] : []))
        if path.contains("2018-2020") || path.contains("2021-2023") {
            #expect(plan.allActions.allSatisfy { $0.action.due.deadline != nil })
        }
    }
}
