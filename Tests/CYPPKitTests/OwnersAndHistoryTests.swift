import Testing
@testable import CYPPKit

@Suite("Owners and history records")
struct OwnersAndHistoryTests {
    @Test(arguments: [
        ("Jeff Banks, Service Director, ABSS", "jeff banks", "Jeff Banks"),
        ("Jeff Banks, Director, ABSS", "jeff banks", "Jeff Banks"),
        ("Jason Hendy - Essex Police", "jason hendy", "Jason Hendy"),
        ("Diane Keens , Head of Placements and Resources, SCB", "diane keens", "Diane Keens"),
        ("HoS (RB)", "hos (rb)", "HoS (RB)"),
        ("  Ross   Gerrie SCCG ", "ross gerrie sccg", "Ross Gerrie SCCG"),
        ("Anna-Marie Stone \u{2013} Youth Offending", "anna-marie stone", "Anna-Marie Stone"),
        ("Sue Cox \u{2014} CCG, Essex", "sue cox", "Sue Cox"),
        ("Early Years Team -", "early years team -", "Early Years Team -"),
        ("Head of Service (Ruth Baker) -  Council", "head of service (ruth baker)", "Head of Service (Ruth Baker)"),
    ])
    func ownerCellsGroupByTheirNamePart(cell: String, key: String, name: String) {
        #expect(Person.key(for: cell) == key)
        #expect(Person.namePart(of: cell) == name)
    }

    @Test func theOwnersFileMapsAliasesToOnePersonWithAnEmail() {
        var directory = OwnerDirectory()
        var diagnostics: [Diagnostic] = []
        directory.add(SourceText("owners.csv", "Alias,Person,Email\nHoS (RB),Ruth Baker,rb@example.org\nDCS,Jane Doe,\n"),
                      diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(directory.resolve("HoS (RB)") == Person(key: "ruth baker", name: "Ruth Baker", email: "rb@example.org", isListed: true))
        #expect(directory.resolve("Ruth Baker, Head of Children's Service").email == "rb@example.org")
        #expect(directory.resolve("dcs").name == "Jane Doe")
        #expect(directory.resolve("Somebody Else, Head").isListed == false)
    }

    @Test func anOwnersFileWithoutItsColumnsIsReported() {
        var directory = OwnerDirectory()
        var diagnostics: [Diagnostic] = []
        directory.add(SourceText("owners.csv", "Who,Mail\nA,B\n"), diagnostics: &diagnostics)
        #expect(diagnostics.map(\.code) == [.ownersFileColumns])
    }

    @Test func historyLinesRoundTripWithTabsAndNewlinesEscaped() {
        let entry = HistoryEntry(time: "2026-11-23T10:00:00Z", who: "rb", plan: "p.md", ref: "1.1", field: .narrative,
                                 old: "a\tb", new: "line\nbreak \\ slash", note: "")
        let text = HistoryFile.header + "\n" + HistoryFile.line(entry)
        #expect(HistoryFile.line(entry).filter { $0 == "\n" }.count == 1)
        let (entries, diagnostics) = HistoryFile.parse(text, path: "h.tsv")
        #expect(entries == [entry])
        #expect(diagnostics.isEmpty)
        #expect(entry.day == Day(year: 2026, month: 11, day: 23))
    }

    @Test func malformedHistoryLinesAreSkippedWithTheirLine() {
        let (entries, diagnostics) = HistoryFile.parse(HistoryFile.header + "\nnot\tenough\n", path: "h.tsv")
        #expect(entries.isEmpty)
        #expect(diagnostics.map(\.location.line) == [2])
    }

    /// Eight fields are not enough: the time must be on a calendar day and a rating field must
    /// hold ratings, or the line would count in the wrong window or as a made-up trend.
    @Test(arguments: [
        ("2026-13-01T00:00:00Z\tx\tplan.md\t1.1\tprogress\t\tPurple\t", "time '2026-13-01T00:00:00Z' does not start with a calendar day"),
        ("2026-12-01T00:00:00Z\tx\tplan.md\t1.1\tprogress\t\tPurple\t", "new progress 'Purple' is not a rating"),
        ("2026-12-01T00:00:00Z\tx\tplan.md\t1.1\timpact\tOrange\tRed\t", "old impact 'Orange' is not a rating"),
        ("yesterday\tx\tplan.md\t1.1\tnarrative\ta\tb\t", "time 'yesterday' does not start with a calendar day"),
    ])
    func linesWithABadDayOrRatingAreSkipped(line: String, problem: String) throws {
        let good = "2026-12-01T10:00:00Z\tx\tplan.md\t1.2\tnarrative\tfree text\tis fine\tnote"
        let (entries, diagnostics) = HistoryFile.parse(HistoryFile.header + "\n" + line + "\n" + good + "\n", path: "h.tsv")
        #expect(entries.map(\.ref) == ["1.2"])
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1 && d.code == .malformedHistory && d.location.line == 2)
        #expect(d.message.contains(problem), "\(d.message)")
    }
}

/// Owner cells are resolved once per distinct text, found again by their bytes: two spellings
/// of one name (a composed and a decomposed `ë`, another case) are one person, shown as first
/// spelled, whether noted or only looked up.
@Suite("One person per owner, however spelled")
struct PersonIndexTests {
    static func action(owner: String, line: Int) -> Action {
        Action(ref: "1.\(line)", text: "Do it", due: DueDate(text: "", meaning: .none), owner: owner,
               location: SourceLocation(file: "plans/p.md", line: line))
    }

    @Test func spellingsOfOneOwnerAreOnePersonShownAsFirstSpelled() {
        let composed = "Zo\u{EB} Brown, Head of Inclusion", decomposed = "Zoe\u{308} Brown, Head of Inclusion"
        var index = PersonIndex(directory: OwnerDirectory())
        index.note(Self.action(owner: composed, line: 1))
        index.note(Self.action(owner: decomposed, line: 2))
        index.note(Self.action(owner: "Ann Lee", line: 3))
        for cell in [composed, decomposed, "ZOË BROWN"] {
            #expect(Array(index.person(for: cell).name.utf8) == Array("Zo\u{EB} Brown".utf8), "'\(cell)'")
        }
        #expect(index.person(for: "ann lee").name == "Ann Lee")
        #expect(index.knows(name: "zoë  brown"))
    }
}

@Suite("Due status")
struct DueStatusTests {
    static let asOf = Day(year: 2019, month: 4, day: 1)!

    @Test(arguments: [
        ("2019-03-31", nil, 90, DueStatus.overdue(days: 1)),
        ("2019-04-01", nil, 90, .dueSoon(days: 0)),
        ("2019-06-30", Rating.green, 90, .dueSoon(days: 90)),
        ("2019-07-01", nil, 90, .later),
        ("2018-01-31", .blue, 90, .complete),
        ("2018-01-31", .grey, 0, .overdue(days: 425)),
    ])
    func classifiesDeadlines(deadline: String, progress: Rating?, horizon: Int, expected: DueStatus) {
        #expect(DueStatus.of(deadline: Day(iso: deadline), progress: progress, asOf: Self.asOf, horizon: horizon) == expected)
    }

    @Test func milestonesWithTheirOwnDatesAreDueItemsNumberedFromOne() throws {
        let (plan, _, _) = try Repo.read(Repo.path("plans/southend-improvement-plan-2021-2023.csv"))
        let items = try #require(plan.action(ref: "3.8")?.action).dueItems
        #expect(items.map(\.milestone) == [nil, 2])
        #expect(items.map(\.deadline.description) == ["2021-10-31", "2022-04-30"])
        #expect(items.map(\.owner) == ["HoS (LD)", "HoS (JH)"])
    }
}
