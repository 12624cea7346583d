import Testing
@testable import CYPPKit

/// Seed 003 (Thurrock CYPP 2012–13) and the pillar/aim fixture: lists that line up item by item.
@Suite("Import: pillars, aims and objectives (seed 003)")
struct PillarAimLayoutTests {
    @Test func seed003HasFourPillarsWithTheirAims() throws {
        let r = try Seeds.imported(Seeds.thurrock2012)
        #expect(r.layout == .pillarAim)
        let plan = r.plan
        #expect(plan.title == "Children and Young People's Plan: Refresh Aims and Objectives 2012-13")
        #expect(plan.metadata("date") == "1 April 2012")
        #expect(plan.outcomes.map(\.title) == ["Excellent childcare, schools, colleges and services", "Everyone Succeeding",
                                               "Protection When Needed", "Lean and Fit for the Future"])
        #expect(plan.outcomes.map(\.actions.count) == [11, 7, 10, 10])
        #expect(plan.outcomes[0].sections.map(\.title) == [
            "Aim: Raise attainment at the end of the Early Years Foundation Stage, Key Stage One and Key Stage Two",
            "Aim: Ensure high quality education, training and access to health and social care services for children, young people and families",
            "Aim: Ensure progression routes to higher level qualifications",
        ])
        #expect(plan.outcomes[0].sections[0].text.hasPrefix("We will:\n- Develop a Raising Primary Attainment Strategy"))
        #expect(plan.sections.map(\.title) == ["Children and Young People's Plan: Aims and Objectives 2012-13"])
        #expect(r.unplaced.isEmpty, "\(r.unplaced)")
    }

    @Test func milestonesLeadsAndTimescalesLineUpItemByItem() throws {
        let plan = try Seeds.imported(Seeds.thurrock2012).plan
        let a = try #require(plan.action(ref: "3.1")?.action)
        #expect(a.text == "Deliver our Early Offer of Help for those children at risk of harm")
        #expect(a.milestones.count == 7)
        #expect(a.milestones[0].text == "Develop service offer & design locality teams & children's centres in line with the specification")
        #expect(a.milestones[0].owner == "EYFC (& SM Family Support)")
        #expect(a.milestones[0].due?.text == "Consultation on draft strategy April 2012. Final strategy agreed June 2012")
        #expect(a.milestones[6].text == "Deliver in parallel the engagement & communication strategy")
        #expect(a.milestones[6].owner == "EYFC" && a.milestones[6].due?.deadline == Day(year: 2012, month: 4, day: 30))
        #expect(a.owner == "EYFC (& SM Family Support); EYFC/Head of Children's Commissioning; Children's Performance; EYFC; Public Health")
        #expect(a.due.isBlank)
        // One lead for three milestones with three timescales.
        let b = try #require(plan.action(ref: "2.1")?.action)
        #expect(b.owner == "S L Learner Support & PEP (LS&PEP)" && b.milestones.allSatisfy { $0.owner == nil })
        #expect(b.milestones.map { $0.due?.text } == ["Develop February 2012, Implement May 2012.", "Develop February 2012, Implement Sept 2012.",
                                                      "Develop February to June 2012 Publish September 2012."])
        // Leads and timescales on the rows under the objective.
        let c = try #require(plan.action(ref: "3.8")?.action)
        #expect(c.owner == "SM Disabled Children" && c.milestones.map { $0.due?.text } == ["March 2013", "Sept 2012", "Sept 2012"])
    }

    @Test func listsWhoseBulletsWereLostAreSplitBeforeTheirVerbs() throws {
        let plan = try Seeds.imported(Seeds.thurrock2012).plan
        let a = try #require(plan.action(ref: "3.6")?.action)
        #expect(a.milestones.map(\.text) == ["Implement the full use of CAF as set out in SET Procedures",
                                             "Establish & embed a CAF performance framework (quantitative & qualitative data)",
                                             "Fully develop the Community Assessment Model for Courts",
                                             "Ensure that staff training, development & retention complement the full service offer"])
        #expect(a.milestones.map(\.owner) == ["MAGs, SMs for FST, disabled children and YOS", "MAGs SMs",
                                              "HCATO, legal services, health & adult services", "HCATO, SMT & Workforce Dev."])
        #expect(plan.action(ref: "3.5")?.action.milestones.map(\.text) == [
            "Realign all core safeguarding services in the light of the Early Offer of Help & Munro", "Develop local MASH",
            "Implement findings from SCIE Child C", "Implement all inspection & QA Action Plans",
            "Analyse demand & resource ensuring appropriate caseloads for social workers & all statutory obligations are fulfilled",
        ])
    }

    @Test func objectivesAndMilestonesCutByAPageAreRejoined() throws {
        let r = try Seeds.imported(Seeds.thurrock2012)
        let plan = r.plan
        let a = try #require(plan.action(ref: "1.9")?.action)
        #expect(a.text == "Deliver high quality opportunities for learning, skills development & training")
        #expect(a.milestones.map(\.text) == ["Support the development of sixth provision offered within schools through training & development for teachers",
                                             "Encourage diversity of pathways, for example Studio Schools, Skills Academy & Skills Centre provision",
                                             "Increase the number of pupils progressing to further & higher education, including those from disadvantaged or under represented groups"])
        #expect(plan.action(ref: "4.8")?.action.text == "Develop forward financial planning across all agencies")
        #expect(plan.action(ref: "4.8")?.action.milestones.first?.text.contains("on a needs-led basis in schools") == true)
        let b = try #require(plan.action(ref: "2.2")?.action)
        #expect(b.milestones.last?.text.hasSuffix("that brings together all arrangements to support pupils' behaviour including guidance criteria on school actions, access to pupil services, managed moves arrangements, exclusions & access to specialist settings") == true)
        #expect(b.milestones.last?.due?.text == "Develop & consult February 2012- May 2012 Publish July 2012")
        #expect(r.notes.contains(ImportNote(line: 54, "objective continues across a page break; rejoined as 'Deliver high quality opportunities for learning, skills development & training'")))
    }

    @Test func anObjectiveWhoseStartWasLostIsRestoredFromThePillarsList() throws {
        let r = try Seeds.imported(Seeds.thurrock2012)
        let a = try #require(r.plan.action(ref: "1.4")?.action)
        #expect(a.text == "Integrate service delivery to meet the needs of children, families & communities")
        #expect(a.extras == [ExtraField(name: "Aim", value: "Ensure high quality education, training and access to health and social care services for children, young people and families")])
        #expect(a.milestones.map { $0.due?.text } == ["April 2012", "May 2012", "March 2013"])
        #expect(r.notes.contains { $0.line == 43 && $0.message.hasPrefix("objective starts mid-sentence") })
        #expect(r.notes.contains { $0.line == 27 && $0.message.hasPrefix("'Commission high quality early years settings & family support'") })
    }

    @Test func countsThatDoNotLineUpStayTogetherAndAreNoted() throws {
        let r = try Seeds.imported(Seeds.thurrock2012)
        let a = try #require(r.plan.action(ref: "1.1")?.action)
        #expect(a.milestones.count == 4 && a.milestones.allSatisfy { $0.due == nil })
        #expect(a.due.text == "Drafting & consultation April 2012; Delivery May 2012- July 2013")
        #expect(a.due.deadline == Day(year: 2012, month: 4, day: 30))
        #expect(r.notes.contains(ImportNote(line: 36, "4 milestones beside 2 timescales; the timescales are kept together on the objective")))
    }

    @Test func fixtureCoversAlignmentRunOnListsAndRestoration() throws {
        let r = try importFixture("pillar-aims.txt")
        let plan = r.plan
        #expect(plan.title == "Test Plan: Aims and Objectives 2012-13")
        #expect(plan.sections == [Section(title: "Introduction heading", text: "An introduction paragraph that is long enough to be prose rather than a heading, ending with a full stop.")])
        #expect(plan.allActions.map(\.action.text) == ["Develop a strategy", "Improve attendance", "Integrate services for families"])
        let b = try #require(plan.action(ref: "1.2")?.action)
        #expect(b.milestones.map(\.text) == ["Review absence", "Develop a plan", "Ensure follow up"])
        #expect(b.milestones.map(\.owner) == ["Lead D", "Lead E", "Lead F"])
        #expect(b.milestones.map { $0.due?.text } == ["April 2012", "May 2012", "June 2012"])
        let c = try #require(plan.action(ref: "1.3")?.action)
        #expect(c.extras.first?.value == "Keep children safe" && c.owner == "Lead G" && c.due.text == "March 2013")
        #expect(c.milestones.map(\.text) == ["tail of a lost milestone", "Map services"])
        #expect(r.notes.map(\.line) == [26, 9])
        #expect(r.unplaced.isEmpty)
    }
}
