import Testing
@testable import CYPPKit

/// Seed 000 and the pipe-table fixture: page breaks, headings in odd places, DRAFT marks, the BRAG key.
@Suite("Import: pipe tables broken across pages (seed 000)")
struct PipeTableLayoutTests {
    @Test func seed000HasFiveOutcomesAndThirtyActions() throws {
        let r = try Seeds.imported(Seeds.cypp2018)
        #expect(r.layout == .pipeTable)
        #expect(r.plan.title == "Southend Children and Young People's Plan 2018 – 2020")
        #expect(r.plan.outcomes.map(\.ref) == ["1", "2", "3", "4", "5"])
        #expect(r.plan.outcomes.map(\.actions.count) == [4, 6, 6, 6, 8])
        #expect(r.plan.outcomes[3].title == "Children and Young People are safe")
        #expect(r.plan.metadata("status") == "DRAFT" && r.plan.metadata("period") == "2018–2020")
        #expect(r.unplaced.isEmpty, "\(r.unplaced)")
    }

    @Test func rowsSplitOverAPageAreRejoinedWithTheirOwners() throws {
        let plan = try Seeds.imported(Seeds.cypp2018).plan
        let a = try #require(plan.action(ref: "1.2")?.action)
        #expect(a.text == "Programme for improving the development and progress of child in need plans to be designed and implemented")
        #expect(a.owner == "Diane Keens , Head of Placements and Resources, SCB")
        #expect(a.due.text == "December 2018")
        let b = try #require(plan.action(ref: "2.2")?.action)
        #expect(b.text == "Any proposed change to the design of SBC Children's Services includes co-production in the design phase")
        #expect(b.owner == "Transformation, SBC" && b.due.deadline == Day(year: 2020, month: 3, day: 31))
        #expect(plan.action(ref: "5.6")?.action.text
            == "Further develop plans for Community Paediatric Services in SCCG and CPRCCG based on the House of Care Model")
        #expect(plan.action(ref: "4.1")?.action.text.hasSuffix("Child in Need, Child Protection and children becoming Looked After") == true)
        // The first row after a page break that has its own date is an action of its own.
        let c = try #require(plan.action(ref: "3.3")?.action)
        #expect(c.text == "Improve the educational outcomes for looked after children at KS1, KS2 and KS4")
        #expect(c.owner == "Sarah Greaves, Head of the Virtual School, SBC" && c.due.text == "August 2019")
    }

    @Test func everyRejoinIsNotedWithItsLine() throws {
        let r = try Seeds.imported(Seeds.cypp2018)
        #expect(r.notes.map(\.line) == [36, 61, 69, 108, 117, 147, 154])
        #expect(r.notes[0].message == "row continues action 1.2 across a page break; rejoined")
    }

    @Test func headingsGluedToTextOrInsideTablesStartOutcomesAndSections() throws {
        let plan = try Seeds.imported(Seeds.cypp2018).plan
        let titles = ["Why this is important to us", "How we will know we are successful", "Plans to which this outcome aligns"]
        #expect(plan.outcomes.allSatisfy { $0.sections.map(\.title) == titles })
        #expect(plan.outcomes[0].sections[0].text.hasPrefix("We know that the first 1000 days"))
        #expect(plan.outcomes[2].sections[0].text.isEmpty)
        #expect(plan.outcomes[2].sections[1].text.hasPrefix("95% of EHCPs are completed in timescale"))
        #expect(plan.outcomes[3].sections[0].text.hasPrefix("We want to make sure we act swiftly"))
        #expect(plan.outcomes[4].sections[0].text.hasSuffix("more likely to make healthy choices as adults."))
    }

    @Test func theBRAGKeyIsASectionNotActions() throws {
        let plan = try Seeds.imported(Seeds.cypp2018).plan
        let key = try #require(plan.sections.first { $0.title == "BRAG rating" })
        let lines = key.text.split(separator: "\n")
        #expect(lines.map { $0.prefix(12) } == ["- **Red** — ", "- **Amber** ", "- **Green** ", "- **Blue** —", "- **Grey** —"])
        #expect(lines[4] == "- **Grey** — Process: Not started - action not scheduled to start in this period.; Impact not yet expected to be realised (i.e. actions in progress/not started).")
        #expect(!plan.allActions.contains { $0.action.text.uppercased() == "RED" })
    }

    /// The shipped plan was converted by hand; the importer must agree with it on every
    /// outcome, action, date, owner and outcome section.
    @Test func matchesTheHandConvertedPlan() throws {
        let imported = PlanContent(try Seeds.imported(Seeds.cypp2018).plan)
        let shipped = PlanContent(try Repo.read(Repo.path("plans/southend-cypp-2018-2020.md")).plan)
        #expect(imported.actions == shipped.actions)
        #expect(imported.outcomes == shipped.outcomes)
        #expect(imported.outcomeSections == shipped.outcomeSections)
        #expect(imported.title == shipped.title)
        // The same prose lines: the shipped plan moved the tagline "Success for all" under Introduction.
        #expect(Set(imported.sections.flatMap { $0.text.split(separator: "\n") }) == Set(shipped.sections.flatMap { $0.text.split(separator: "\n") }))
        // Added by hand: the board and partnership the document names only in prose.
        #expect(Set(shipped.metadata.map(\.name)).subtracting(imported.metadata.map(\.name)) == ["board", "partnership"])
    }

    @Test func fixtureCoversPageBreaksInTableHeadingsDraftAndKey() throws {
        let r = try importFixture("pipe-pagebreaks.txt")
        let plan = r.plan
        #expect(plan.title == "Children's Plan 2024 – 2026")
        #expect(plan.metadata("status") == "DRAFT")
        #expect(plan.sections.map(\.title) == ["Introduction", "BRAG rating"])
        #expect(plan.sections[1].text == "- **Red** — Off track; Needs attention\n- **Amber** — At risk\n- **Green** — On track\n- **Blue** — Done\n- **Grey** — Not started")
        #expect(plan.allActions.map(\.action.ref) == ["1.1", "1.2", "2.1", "2.2"])
        let first = try #require(plan.action(ref: "1.1")?.action)
        #expect(first.text == "Run the first programme across two pages" && first.owner == "Ann Lee, Head of Health, SBC")
        #expect(plan.action(ref: "2.2")?.action.text == "After the break, with its own date")
        // A row with an empty Action cell finishes the row above.
        #expect(plan.action(ref: "1.2")?.action.owner == "Bo Chan and Team")
        #expect(r.notes == [ImportNote(line: 23, "row continues action 1.1 across a page break; rejoined"),
                            ImportNote(line: 25, "row continues action 1.2 (its Action cell is empty); rejoined")])
        #expect(plan.outcomes[1].sections == [Section(title: "Why this is important to us", text: "Safety first.")])
        // A table with no Action column before the first outcome is reported, not guessed at.
        #expect(r.unplaced.map(\.number) == [5, 7])
        #expect(r.unplaced.map(\.text) == ["| Contact | Phone |", "| Ann | 0123 |"])
    }
}
