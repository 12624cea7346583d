import Testing
@testable import CYPPKit

@Suite("Overdue query and owners")
struct OverdueQueryTests {
    static func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }

    static func plan(_ text: String, path: String = "p.md") -> Portfolio {
        let (plan, diagnostics) = PlanLoader.parse(SourceText(path, text))
        return Portfolio(plans: [plan], diagnostics: diagnostics)
    }

    static let milestones = plan("""
        # P

        ## Outcome 1: Safe

        | Ref | Action | Milestone | Due Date | Owner | Progress |
        |---|---|---|---|---|---|
        | 1.10 | Late action | First step | March 2021 | HoS (ZZ) | Amber |
        | | | | April 2021 | Zoe Quinn, Commissioner | |
        | 1.2 | Earlier ref | | March 2021 | hos  (zz) | Red |
        | 1.3 | Done | | March 2021 | Zoe Quinn | Blue |
        """)

    @Test(arguments: [("1.2", "1.10", true), ("1.10", "1.2", false), ("2", "10", true), ("1.9", "1.9.1", true),
                      ("A1", "A2", true), ("1.1", "1.1", false)])
    func refsOrderNumerically(a: String, b: String, less: Bool) {
        #expect(OverdueQuery.refOrder(a, b) == less)
    }

    @Test func aMilestoneWithoutTextShowsItsActionsTextAndOwnOwner() {
        let rows = OverdueQuery(asOf: Self.day("2021-06-01")).rows(in: Self.milestones)
        #expect(rows.map(\.ref) == ["1.2", "1.10", "1.10"])
        #expect(rows.map(\.milestone) == [nil, nil, 2])
        #expect(rows.map(\.daysOverdue) == [62, 62, 32])
        #expect(rows[2].text == "Late action")
        #expect(rows[2].owner == "Zoe Quinn, Commissioner")
        #expect(rows[2].progress == .amber)
    }

    @Test func onePersonIsSpelledOneWayAcrossRows() {
        let rows = OverdueQuery(asOf: Self.day("2021-06-01")).rows(in: Self.milestones)
        #expect(rows.map { $0.person?.name } == ["HoS (ZZ)", "HoS (ZZ)", "Zoe Quinn"])
        let owners = OwnerSummary.summaries(of: Self.milestones, asOf: Self.day("2021-06-01"))
        #expect(owners.map { $0.person?.name } == ["HoS (ZZ)", "Zoe Quinn"])
        #expect(owners.map(\.actions) == [2, 1])
        #expect(owners.map(\.open) == [2, 0])
        #expect(owners.map(\.overdue) == [2, 1])
        #expect(owners.map(\.red) == [1, 0])
    }

    @Test(arguments: [(nil, 3), ("zoe", 1), ("ZZ", 2), ("commissioner", 1), ("nobody", 0)] as [(String?, Int)])
    func ownerFilterMatchesCellOrPerson(owner: String?, count: Int) {
        #expect(OverdueQuery(asOf: Self.day("2021-06-01"), owner: owner).rows(in: Self.milestones).count == count)
    }

    /// The filters are worked out once, when the query is made or a filter is set: a query
    /// given them afterwards lists what one made with them lists.
    @Test func filtersSetAfterTheQueryIsMadeCountAsMuchAsGivenAtFirst() throws {
        let portfolio = try PlanLoader.load([Repo.path("plans")])
        let asOf = Day(year: 2022, month: 6, day: 30)!
        let all = OverdueQuery(asOf: asOf).rows(in: portfolio)
        for (owner, outcome, person) in [("manager", nil, nil), (nil, "2", nil), (nil, nil, "Jeff Banks")] as [(String?, String?, String?)] {
            var later = OverdueQuery(asOf: asOf)
            later.owner = owner
            later.outcome = outcome
            later.person = person
            let first = OverdueQuery(asOf: asOf, owner: owner, outcome: outcome, person: person).rows(in: portfolio)
            #expect(!first.isEmpty && first.count < all.count)
            #expect(later.rows(in: portfolio) == first)
        }
    }

    @Test func withinListsDueSoonWithZeroOrNegativeDays() {
        let asOf = Self.day("2021-03-31")
        #expect(OverdueQuery(asOf: asOf).rows(in: Self.milestones).isEmpty)
        let soon = OverdueQuery(asOf: asOf, within: 30).rows(in: Self.milestones)
        #expect(soon.map(\.daysOverdue) == [0, 0, -30])
        #expect(soon.allSatisfy { $0.status == .dueSoon })
        #expect(OverdueQuery(asOf: asOf, within: 29).rows(in: Self.milestones).count == 2)
    }

    @Test func unresolvedOwnersAreWarnedOnlyBesideAnOwnersFile() throws {
        let portfolio = try PlanLoader.load([Repo.fixture("overdue/unresolved")])
        #expect(portfolio.diagnostics.map(\.code) == [.unresolvedOwner, .unresolvedOwner])
        #expect(portfolio.diagnostics.map(\.location.line) == [9, 11])
        let shipped = try PlanLoader.load([Repo.path("plans")])
        #expect(shipped.owners.isEmpty && !shipped.diagnostics.contains { $0.code == .unresolvedOwner })
    }
}

@Suite("Record and overdue rendering")
struct OverdueRenderingTests {
    static var records: RecordTable {
        var t = RecordTable(columns: ["text", "n", "none"])
        t.add([.text("=SUM(A1)\tand\r\nmore, \"quoted\""), .number(-3), .missing])
        t.add([.text("plain")])
        return t
    }

    @Test func tsvFlattensTabsAndLineBreaks() {
        #expect(Self.records.tsv() == "text\tn\tnone\n=SUM(A1) and more, \"quoted\"\t-3\t\nplain\t\t\n")
        #expect(Self.records.tsv(header: false).hasPrefix("=SUM"))
    }

    @Test func csvNeutralisesTextButNotNumbers() {
        #expect(Self.records.csv() == "text,n,none\r\n\"'=SUM(A1)\tand\r\nmore, \"\"quoted\"\"\",-3,\r\nplain,,\r\n")
    }

    @Test func jsonKeepsNumbersAndNulls() {
        guard case .array(let rows) = Self.records.json(), case .object(let first)? = rows.first else {
            Issue.record("not an array of objects")
            return
        }
        #expect(first["n"] == .int(-3))
        #expect(first["none"] == .null)
        #expect(rows.count == 2)
    }

    @Test(arguments: [(400, "400 days"), (1, "1 day"), (0, "due today"), (-1, "due in 1 day"), (-30, "due in 30 days")])
    func latenessReadsNaturally(days: Int, text: String) {
        #expect(OverdueRendering.lateness(days) == text)
    }

    @Test func colourWrapsDataRowsByStatus() {
        let rows = OverdueQuery(asOf: OverdueQueryTests.day("2021-04-01"), within: 30).rows(in: OverdueQueryTests.milestones)
        let coloured = OverdueRendering.table(rows, header: true, colour: true, terminal: false).split(separator: "\n")
        #expect(coloured.count == 4)
        #expect(coloured[0].hasPrefix("PLAN"))
        #expect(coloured[1].hasPrefix("\u{1B}[31mp.md  1.2 ") && coloured[1].hasSuffix("\u{1B}[0m"))
        #expect(coloured[3].hasPrefix("\u{1B}[33mp.md  1.10 m2") && coloured[3].contains("due in 29 days"))
        let plain = OverdueRendering.table(rows, header: false, colour: false, terminal: false)
        #expect(!plain.contains("\u{1B}") && plain.split(separator: "\n").count == 3)
    }
}

/// The table kept as bytes (`OverdueTable`) prints what a `TextTable` of the same cells does, as
/// the table was made before: for any text in the cells (accents composed and not, emoji, CJK,
/// tabs, line breaks, escapes, C1 and zero-width characters), for a pipe and for terminals of
/// any width, with and without a header and colour.
@Suite("The overdue table against a text table")
struct OverdueTableReferenceTests {
    static let pieces = ["é", "e\u{301}", "🇬🇧", "漢字", "\t", "\n", "\r\n", "\u{1B}[31m", "\u{85}", "\u{7F}", "\0",
                         "\u{200B}", " ", "  ", "word", "Head of Service", "a long phrase of action text to be cut", "…", "-",
                         String(repeating: "a line longer than the spaces it is laid out on ", count: 100)]

    static func text(_ generator: inout SplitMix, upTo count: Int) -> String {
        (0..<Int.random(in: 0...count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static func row(_ generator: inout SplitMix) -> OverdueRow {
        let days = Int.random(in: -40...4_000, using: &generator)
        return OverdueRow(
            plan: "plans/" + text(&generator, upTo: 3) + ".md", ref: "1." + text(&generator, upTo: 2),
            milestone: Bool.random(using: &generator) ? Int.random(in: 1...12, using: &generator) : nil,
            outcome: text(&generator, upTo: 2), text: text(&generator, upTo: 8),
            owner: Bool.random(using: &generator) ? text(&generator, upTo: 4) : nil, person: nil,
            due: text(&generator, upTo: 3), deadline: Day(year: 2022, month: 6, day: 30)!.adding(days: -days),
            daysOverdue: days, progress: [nil, .red, .amber, .green].randomElement(using: &generator)!,
            impact: [nil, .grey, .blue].randomElement(using: &generator)!)
    }

    /// The table as it was made before the rows were kept as bytes: a `TextTable` of strings.
    static func reference(_ rows: [OverdueRow], header: Bool, colour: Bool, terminal: Bool, width: Int?) -> String {
        var table = TextTable(headers: ["PLAN", "REF", "OUTCOME", "OWNER", "DUE", "DEADLINE", "OVERDUE", "PROGRESS", "IMPACT", "ACTION"],
                              limits: terminal ? [24, nil, 8, 28, 16, nil, nil, nil, nil, 60] : Array(repeating: nil, count: 10))
        table.fixed = Set(0..<9)
        for r in rows {
            table.add([FilePath.name(of: r.plan), r.ref + (r.milestone.map { " m\($0)" } ?? ""), r.outcome, r.owner ?? "-",
                       r.due, r.deadline.description, OverdueRendering.lateness(r.daysOverdue), r.progress?.rawValue ?? "-",
                       r.impact?.rawValue ?? "-", r.text])
        }
        let lines = table.rendered(header: header, width: width).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return lines.enumerated().map { i, line in
            let row = header ? i - 1 : i
            guard colour, row >= 0 else { return line + "\n" }
            return (rows[row].status == .overdue ? "\u{1B}[31m" : "\u{1B}[33m") + line + "\u{1B}[0m\n"
        }.joined()
    }

    @Test(arguments: [nil, 0, 10, 40, 80, 200] as [Int?])
    func printsWhatATextTableOfTheSameCellsPrints(width: Int?) {
        var generator = SplitMix(seed: 11)  // seeded: a failure is the same on every run
        for _ in 0..<60 {
            let rows = (0..<Int.random(in: 0...5, using: &generator)).map { _ in Self.row(&generator) }
            for (terminal, header, colour) in [(false, true, false), (true, true, true), (true, false, false), (false, false, true)] {
                let fitted = terminal ? width : nil
                #expect(OverdueRendering.table(rows, header: header, colour: colour, terminal: terminal, width: fitted)
                    == Self.reference(rows, header: header, colour: colour, terminal: terminal, width: fitted))
            }
        }
    }
}
