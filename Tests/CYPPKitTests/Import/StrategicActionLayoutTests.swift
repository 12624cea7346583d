import Testing
@testable import CYPPKit

/// Seed 002 (Appendix 1 of the Southend CYPP 2008–09) and the strategic-action fixture.
@Suite("Import: strategic action plan (seed 002)")
struct StrategicActionLayoutTests {
    @Test func seed002HasSevenPrioritiesWithLeadsAndObjectives() throws {
        let r = try Seeds.imported(Seeds.cypp2008)
        #expect(r.layout == .strategicAction)
        let plan = r.plan
        #expect(plan.title == "Southend Children's Partnership Children And Young People's Plan 2007 – 2010: Annual Update 2008 – 2009")
        #expect(plan.metadata("period") == "2008–2009")
        #expect(plan.outcomes.map(\.ref) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(plan.outcomes[0].title == "Inspire high aspirations for children and young people")
        #expect(plan.outcomes[4].sections.first == Section(title: "Lead", text: "Head of Integrated Youth Support; Head of Youth Offending Services"))
        #expect(plan.outcomes[0].sections.map(\.title) == ["Lead", "Strategic Objective 1.1", "Strategic Objective 1.2", "Strategic Objective 1.3"])
        // The bold two-line heading form: text on a later line.
        #expect(plan.outcomes[0].sections[2].text == "Raise the aspirations of children and young people from disadvantaged groups.")
        #expect(plan.outcomes[1].sections.first { $0.title == "Strategic Objective 2.5" }?.text == "Improve sexual health and reduce teenage pregnancy.")
        #expect(plan.outcomes.map(\.actions.count) == [15, 58, 34, 34, 21, 29, 27])
    }

    @Test func targetsKeepTheirPerformanceIndicatorCodes() throws {
        let plan = try Seeds.imported(Seeds.cypp2008).plan
        let a = try #require(plan.action(ref: "2.5.2")?.action)
        #expect(a.text == "Develop new sites for school-based health services and review of SRE in Schools and working with parents in Hot Spot wards. Family Nurse Partnership project expected to impact on reduction.")
        #expect(a.extras == [ExtraField(name: "Targets", value: "NI 112: Reduce the under 18 conception rate (% change from 1998 baseline based on 2005 performance) 08/09 target: -29.6% 09/10 target: -36.4% 10/11 target: -43.2%")])
        #expect(a.due.text == "April 2009" && a.owner == "Service Manager, Child Health and Early Years")
    }

    @Test func aParagraphListOfActionsGivesOneActionEach() throws {
        let plan = try Seeds.imported(Seeds.cypp2008).plan
        let refs = ["2.5.3", "2.5.4", "2.5.5", "2.5.6"]
        let actions = try refs.map { try #require(plan.action(ref: $0)?.action) }
        #expect(actions.map(\.text) == ["Increase capacity of Chlamydia Screening Office, to include staffing numbers and information system support.",
                                        "Improve access to screening sites, to include outreach work and out of hours access.",
                                        "Implement sexual health promotion and communications strategy.",
                                        "Roll out school based health service."])
        #expect(actions.allSatisfy { $0.due.text == "April 2009" && $0.owner == "Service Director Children and Young People"
            && $0.extras.first?.value == "NI 113: Reduce the prevalence of Chlamydia in under 20s." })
    }

    @Test func anItemEndingInAColonKeepsTheItemsAfterItAsMilestones() throws {
        let plan = try Seeds.imported(Seeds.cypp2008).plan
        let a = try #require(plan.action(ref: "2.3.1")?.action)
        #expect(a.text == "Build capacity at stages one and two to support children's emotional health and wellbeing:")
        #expect(a.milestones.map(\.text) == ["Reconfigure existing provision to increase responsiveness and flexibility",
                                             "Develop robust joint commissioning arrangements",
                                             "Develop services to include a provision for children aged 0-5",
                                             "Ensure robust outcome measures that are consistent throughout the CAMHS pathway and are integral to the commissioning and contracting process."])
        // Four dates beside four milestones: each milestone has its own.
        #expect(a.milestones.map { $0.due?.text } == ["September 2008", "April 2008", "September 2008", "December 2008"])
        #expect(a.due.isBlank && a.owner == "CPE commissioning group")
        #expect(plan.action(ref: "3.2.1")?.action.milestones.count == 7)
        // Two actions beside two dates and two leads, the second with its three sub-items.
        let b1 = try #require(plan.action(ref: "5.1.1")?.action), b2 = try #require(plan.action(ref: "5.1.2")?.action)
        #expect(b1.due.text == "April 2009" && b1.owner == "Head of School Improvement")
        #expect(b2.due.text == "July 2008" && b2.owner == "Head of School Support and Preventative Services, MPT leaders & locality coordinators")
        #expect(b2.milestones.count == 3 && b2.milestones[1].text == "Good practice is celebrated and supported.")
    }

    @Test func sentencesBesideAsManyDatesAreSeparateActions() throws {
        let plan = try Seeds.imported(Seeds.cypp2008).plan
        let actions = try ["2.2.16", "2.2.17", "2.2.18"].map { try #require(plan.action(ref: $0)?.action) }
        #expect(actions.map(\.text) == ["Deliver plans for strengthening targeted approach by health visitors.",
                                        "Embed New Child Health Promotion programme across Children's Centres, early years and health.",
                                        "Develop integrated approach to deliver targeted outreach for vulnerable groups."])
        #expect(actions.map(\.due.text) == ["April 2009", "July 2008", "July 2008"])
        // Leads split the same way when they too are sentences.
        let p = try ["5.3.3", "5.3.4"].map { try #require(plan.action(ref: $0)?.action) }
        #expect(p.map(\.owner) == ["Head of School Support and Preventative Services and Joint Advisory Board", "Group Manager, Youth Support"])
        #expect(p.map(\.due.text) == ["December 2008", "March 2009"])
    }

    @Test func continuationRowsShareTheTargetAndMergedCells() throws {
        let plan = try Seeds.imported(Seeds.cypp2008).plan
        let nurse = try #require(plan.action(ref: "2.2.10")?.action)
        #expect(nurse.text == "Public health nurse in post." && nurse.owner == "Public Health Manager Screening and Targets")
        #expect(nurse.extras.first?.value == "Increase uptake of childhood immunisations to 95% by April 2009.")
        for n in 2...8 { #expect(plan.action(ref: "4.3.\(n)")?.action.owner == "Principal School Attendance Officer") }
        // A row with its own target keeps its blank cells blank.
        #expect(plan.action(ref: "4.4.1")?.action.owner == nil)
        #expect(plan.action(ref: "4.4.1")?.action.due.isUnparsed == true)  // "As in Play Strategy"
        let housing = try ["6.4.2", "6.4.3", "6.4.4", "6.4.5"].map { try #require(plan.action(ref: $0)?.action) }
        #expect(housing.map(\.due.text) == ["April 2010", "April 2009", "April 2010", "April 2009"])
    }

    @Test func onlyTheChaptersBeforeTheAppendixAndTheBackCoverAreUnplaced() throws {
        let r = try Seeds.imported(Seeds.cypp2008)
        #expect(r.unplaced.allSatisfy { $0.number <= 433 || $0.number >= 825 })
        #expect(r.unplaced.contains { $0.number == 433 })
        #expect(r.unplaced.count == 281)
        #expect(r.notes.map(\.line) == [529, 715, 798])
    }

    @Test func fixtureCoversListsSentencesLeadInsAndMismatches() throws {
        let r = try importFixture("strategic-actions.txt")
        let plan = r.plan
        #expect(plan.title == "Test Partnership Plan 2007 – 2010: Annual Update 2008 – 2009")
        #expect(plan.allActions.map(\.action.ref) == ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.2.1"])
        #expect(plan.allActions.map(\.action.due.text) == ["April 2009", "April 2009", "April 2009", "May 2008", "July 2008", "", "March 2009; April 2009"])
        #expect(plan.action(ref: "1.1.3")?.action.extras.first?.value == "NI 115: Reduce substance misuse.")
        #expect(plan.action(ref: "1.1.3")?.action.owner == "Head of A")
        let lead = try #require(plan.action(ref: "1.1.6")?.action)
        #expect(lead.milestones.map(\.text) == ["Step one", "Step two", "Step three."])
        #expect(lead.milestones.map { $0.due?.text } == ["June 2008", "July 2008", "August 2008"])
        #expect(r.notes == [ImportNote(line: 22, "1 action beside 2 dates; the dates are kept together")])
        #expect(r.unplaced.map(\.trimmed) == ["Appendix 1: Action Plan"])
    }
}
