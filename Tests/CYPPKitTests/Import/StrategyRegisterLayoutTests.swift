import Testing
@testable import CYPPKit

/// Seed 001 (section 4 of the Southend CYPP 2016–17) and the register fixture.
@Suite("Import: strategy register (seed 001)")
struct StrategyRegisterLayoutTests {
    @Test func seed001HasFourAreasAndThirtyThreeStrategies() throws {
        let r = try Seeds.imported(Seeds.cypp2016)
        #expect(r.layout == .strategyRegister)
        let plan = r.plan
        #expect(plan.title == "The Southend-on-Sea Children and Young People's Plan 2016 - 2017")
        #expect(plan.outcomes.map(\.title) == ["Improving children's health and wellbeing",
                                               "Keeping children and young people safe and protected from harm",
                                               "Supporting vulnerable children and families",
                                               "Improving children's educational attainment and future prospects"])
        #expect(plan.outcomes.map(\.actions.count) == [12, 8, 5, 8])
        let a = try #require(plan.action(ref: "1.1")?.action)
        #expect(a.text == "Unicef baby friendly initiative" && a.owner == "Margaret Gray (PH) Wendy Pearson (SUHFT)")
        #expect(a.extras.map(\.name) == ["Governance and reporting", "Oversight role", "Overview of activity", "Also under"])
        #expect(a.extras.map(\.value).prefix(2) == ["Public Health", "SFACG"])
        #expect(a.due.isBlank)
    }

    @Test func cellsWrappedOverRowsAndPagesAreRejoined() throws {
        let plan = try Seeds.imported(Seeds.cypp2016).plan
        let a = try #require(plan.action(ref: "1.4")?.action)
        #expect(a.text == "Emotional Wellbeing and Mental Health Transformation Plan")
        #expect(a.extras[0].value == "Collaborative Commissioning Group")
        #expect(a.extras[2].value == "A five-year local transformation plan for the emotional wellbeing and mental health of children and young people. The plan includes major improvements and new services with an investment of £3.3 million per year added to the current £13.2 million a year budget – an increase of 25%.")
        #expect(plan.action(ref: "2.6")?.action.text == "Southend, Essex & Thurrock Domestic Abuse Strategy")
        #expect(plan.action(ref: "2.6")?.action.extras[2].value == "The strategy document sets out the partnership response to domestic abuse.")
        #expect(plan.action(ref: "3.4")?.action.extras[0].value == "Departmental Management Team")
        // A row that only starts in lower case (after a finished sentence) is its own strategy.
        #expect(plan.action(ref: "1.3")?.action.text == "Healthy Child Programme")
    }

    @Test func aStrategyUnderSeveralAreasIsOneActionLinkedToEach() throws {
        let r = try Seeds.imported(Seeds.cypp2016)
        let plan = r.plan
        func also(_ ref: String) -> String? { plan.action(ref: ref)?.action.extras.first { $0.name == "Also under" }?.value }
        #expect(also("1.2") == "2 Keeping children and young people safe and protected from harm; 3 Supporting vulnerable children and families")
        #expect(also("1.9") == also("1.2"))
        #expect(also("1.4") == "2 Keeping children and young people safe and protected from harm")
        #expect(also("2.5") == "3 Supporting vulnerable children and families")
        #expect(also("2.8") == "3 Supporting vulnerable children and families")
        #expect(also("1.1") == "")
        #expect(plan.allActions.filter { $0.action.text == "A Better Start" }.count == 1)
        #expect(r.notes.filter { $0.message.contains("added to its 'Also under'") }.map(\.line) == [717, 719, 724, 738, 742, 743, 744])
    }

    @Test func everythingOutsideTheRegisterIsUnplaced() throws {
        let r = try Seeds.imported(Seeds.cypp2016)
        #expect(r.unplaced.first?.number == 5)
        #expect(r.unplaced.contains { $0.number == 689 })  // the diagram's legend, not a strategy
        #expect(!r.unplaced.contains { (692...759).contains($0.number) && $0.number != 713 && $0.number != 732 && $0.number != 747 && $0.hasTab })
        #expect(r.unplaced.last?.number == 788 && r.unplaced.last?.text == "xv Virtual School Head Teacher Report September 2015")
    }

    @Test func fixtureCoversWrapsMergesAndRepeats() throws {
        let r = try importFixture("strategy-register.txt")
        let plan = r.plan
        #expect(plan.allActions.map(\.action.ref) == ["1.1", "1.2", "1.3", "2.1", "2.2"])
        #expect(plan.action(ref: "1.2")?.action.text == "Wrapped Strategy")
        #expect(plan.action(ref: "1.2")?.action.extras[2].value == "A sentence that wraps onto the next row.")
        #expect(plan.action(ref: "1.1")?.action.extras.last == ExtraField(name: "Also under", value: "2 Area two"))
        #expect(plan.action(ref: "2.2")?.action.owner == "Someone else")
        #expect(r.notes.map(\.line) == [13, 19, 21])
        #expect(r.unplaced.map(\.trimmed) == ["Some foreword text."])
    }
}
