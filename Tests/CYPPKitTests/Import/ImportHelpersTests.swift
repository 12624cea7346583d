import Testing
@testable import CYPPKit

/// The small text repairs every layout reader leans on, as input → output tables.
@Suite("Import helpers")
struct ImportHelpersTests {
    @Test(arguments: [
        ("<p>One</p> <p>Two</p>", [CellItem(kind: .paragraph, text: "One"), CellItem(kind: .paragraph, text: "Two")]),
        ("<div>A &amp; B</div>", [CellItem(kind: .paragraph, text: "A & B")]),
        ("Lead-in: <ul style=\"list-style-type: none\"> • First; • Second </ul>",
         [CellItem(kind: .plain, text: "Lead-in:"), CellItem(kind: .bullet, text: "First"), CellItem(kind: .bullet, text: "Second")]),
        ("<ul style=\"x\"> Run on Develop more </ul>", [CellItem(kind: .runOn, text: "Run on Develop more")]),
        ("<ul><li>a</li><li>b</li></ul>", [CellItem(kind: .bullet, text: "a"), CellItem(kind: .bullet, text: "b")]),
        ("<ul> Outer: <ul> inner </ul> </ul>", [CellItem(kind: .runOn, text: "Outer: inner")]),
        ("posts <2% of staff ( <i>L8</i> )", [CellItem(kind: .plain, text: "posts <2% of staff ( L8 )")]),
        ("a<br>b", [CellItem(kind: .plain, text: "a"), CellItem(kind: .plain, text: "b")]),
        ("<pre>not a tag</pre> &#163;5 &unknown; &", [CellItem(kind: .plain, text: "<pre>not a tag</pre> £5 &unknown; &")]),
        ("", []),
    ])
    func cellItems(input: String, expected: [CellItem]) {
        #expect(HTMLFragment.items(input) == expected)
    }

    @Test func textKeepsBulletsAndDropsTags() {
        #expect(HTMLFragment.text("<p>teams:</p> •Youth  Offending •Connexions") == "teams: •Youth Offending •Connexions")
        #expect(HTMLFragment.text("<p unclosed") == "<p unclosed")
    }

    @Test(arguments: [
        ("April 2012 May 2012 March 2013", ["April 2012", "May 2012", "March 2013"]),
        ("September 2008 April 2008", ["September 2008", "April 2008"]),
        ("Sept 2012 Spring 2013", ["Sept 2012", "Spring 2013"]),
        ("April 2012", nil),
        ("April 2012 & termly thereafter", nil),
        ("June 2012 Ongoing 2012/13", nil),
        ("Blue 2012 Green 2013", nil),
    ] as [(String, [String]?)])
    func dateRuns(input: String, expected: [String]?) {
        #expect(ItemSplitting.dates(input) == expected)
    }

    @Test(arguments: [
        ("Do one. Do two.", ["Do one.", "Do two."]),
        ("Work e.g. drug screening. Then more", ["Work e.g. drug screening.", "Then more"]),
        ("NI 61 stays. 3 apples", ["NI 61 stays. 3 apples"]),
    ])
    func sentences(input: String, expected: [String]) {
        #expect(ItemSplitting.sentences(input) == expected)
    }

    @Test(arguments: [
        ("Realign services in light of Munro Develop local MASH Implement findings from SCIE",
         ["Realign services in light of Munro", "Develop local MASH", "Implement findings from SCIE"]),
        ("Fully embed the QA system Appoint the post Ensure LSCB implements it",
         ["Fully embed the QA system", "Appoint the post", "Ensure LSCB implements it"]),
        ("Review of the workforce. Implementation of the plan", ["Review of the workforce.", "Implementation of the plan"]),
        // Nouns that look like verbs stay: `Support Advice`, `Early Offer of Help`, `to Develop`.
        ("Develop Commissioning Support Advice & Guidance", ["Develop Commissioning Support Advice & Guidance"]),
        ("Ensure the Early Offer of Help Strategy is in place", ["Ensure the Early Offer of Help Strategy is in place"]),
        ("Plans to Develop further", ["Plans to Develop further"]),
    ])
    func runOnLists(input: String, expected: [String]) {
        #expect(ItemSplitting.runOnList(input) == expected)
    }

    @Test(arguments: [
        ("Diane Keens , Head of", "Placements and Resources, SCB", "Diane Keens , Head of Placements and Resources, SCB"),
        ("on a needs-", "led basis", "on a needs-led basis"),
        ("post -", "Munro", "post - Munro"),
        ("", "only", "only"),
        ("only", "", "only"),
    ])
    func joinsAcrossPageBreaks(a: String, b: String, joined: String) {
        #expect(ImportText.join(a, b) == joined)
    }

    @Test func titlesAndPeriods() {
        #expect(ImportText.titleCased("SOUTHEND CHILDREN AND YOUNG PEOPLE'S PLAN 2018 – 2020") == "Southend Children and Young People's Plan 2018 – 2020")
        #expect(ImportText.titleCased("Already Mixed case") == "Already Mixed case")
        #expect(ImportText.period(in: "Plan 2018 – 2020") == "2018–2020")
        #expect(ImportText.period(in: "Plan 2007 – 2010: Update 2008 – 2009") == "2008–2009")
        #expect(ImportText.period(in: "Aims 2012-13") == "2012–13")
        #expect(ImportText.period(in: "Plan 12345-2020 or 2020") == nil)
    }

    @Test(arguments: [
        ("OUTCOME 1: Best start", "1", "Best start"),
        ("# Priority Three: Improve outcomes", "3", "Improve outcomes"),
        ("**Outcome 2 – Safe**", "2", "Safe"),
    ])
    func groupHeadings(line: String, ref: String, title: String) throws {
        let found = try #require(ImportText.groupHeading(line))
        #expect(found.ref == ref && found.title == title)
    }

    @Test func proseIsNotAGroupHeading() {
        #expect(ImportText.groupHeading("Outcomes improve when partners work together") == nil)
        #expect(ImportText.groupHeading("Priority areas of the programme are screening") == nil)
    }

    @Test func documentLinesSurviveCRLFAndAByteOrderMark() {
        let doc = ImportDocument(path: "x.txt", bytes: Array("\u{FEFF}one\r\ntwo\r\n\r\nthree".utf8))
        #expect(doc.lines.map(\.text) == ["one", "two", "", "three"])
        #expect(doc.lines.map(\.number) == [1, 2, 3, 4])
        #expect(ImportDocument(path: "x", bytes: [0x61, 0xFF, 0x0A]).lines.map(\.text) == ["a\u{FFFD}"])
    }

    @Test func titleBlocksReadTheCoverPage() {
        let doc = ImportDocument(path: "x", bytes: Array("# Improvement Plan\n\n2021-2023\n\nCHILDREN'S CARE\n\nVersion 1.1\n\n# Introduction\n".utf8))
        let block = TitleBlock(doc.lines)
        #expect(block.title == "Improvement Plan 2021-2023: Children's Care")
        #expect(block.metadata == [ExtraField(name: "period", value: "2021–2023"), ExtraField(name: "version", value: "Version 1.1")])
        #expect(block.used == [1, 3, 5, 7] && block.end == 8)
    }
}

/// Each seed is recognised as its own layout; text with none is an error naming what was expected.
@Suite("Import: layout detection")
struct LayoutDetectorTests {
    @Test(arguments: [
        (Seeds.cypp2018, ImportLayout.pipeTable), (Seeds.cypp2016, .strategyRegister), (Seeds.cypp2008, .strategicAction),
        (Seeds.thurrock2012, .pillarAim), (Seeds.improvement2021, .tabMilestone),
    ])
    func seedsAreRecognised(seed: String, layout: ImportLayout) throws {
        #expect(LayoutDetector.detect(try Seeds.document(seed)) == layout)
    }

    @Test func aDocumentWithoutPlanTablesIsAnError() throws {
        let doc = try PlanImporter.read(file: Repo.fixture("import/no-layout.txt"))
        #expect(throws: ImportError(path: doc.path)) { try PlanImporter.importPlan(doc) }
        #expect(throws: ImportError.self) { try PlanImporter.importPlan(ImportDocument(path: "empty.txt", bytes: [])) }
    }

    @Test func aMissingFileIsAnInputError() {
        #expect(throws: InputError.missing("no/such.txt")) { try PlanImporter.read(file: "no/such.txt") }
    }
}
