import CYPPCLI
import CYPPKit
import Foundation
import Testing

@Suite("cyppctl overdue, end to end")
struct OverdueCommandTests {
    static let folder = OverdueExpectation.folder
    static let asOfDates = ["2021-01-01", "2021-04-01", "2021-10-31", "2021-11-01", "2021-12-31", "2022-01-01",
                            "2022-02-01", "2022-06-01"]

    @Test func theExpectationTableIsComplete() {
        #expect(OverdueExpectation.items.count == 13)
        #expect(OverdueExpectation.rows(asOf: "2022-06-01").count == 10)
        #expect(OverdueExpectation.rows(asOf: "2021-01-01").isEmpty)
    }

    @Test(arguments: asOfDates)
    func tsvMatchesTheHandWorkedExpectation(asOf: String) throws {
        let r = try Run.cyppctl("overdue", "--as-of", asOf, "--format", "tsv", Self.folder)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == OverdueExpectation.tsv(OverdueExpectation.rows(asOf: asOf)))
    }

    @Test(arguments: [("2021-11-01", 60), ("2021-11-01", 29), ("2021-11-01", 28), ("2021-12-31", 0),
                      ("2021-03-01", 30), ("2022-01-01", 90)])
    func withinAddsDueSoonRowsWithNegativeDays(asOf: String, within: Int) throws {
        let r = try Run.cyppctl("overdue", "--as-of", asOf, "--within", String(within), "--format", "tsv", Self.folder)
        #expect(r.status == 0)
        let expected = OverdueExpectation.rows(asOf: asOf, within: within)
        #expect(r.stdout == OverdueExpectation.tsv(expected))
    }

    /// beta 2.1's milestone is due 2021-11-30: 29 days after 2021-11-01, so inside 29, outside 28.
    @Test func withinCountsTheLastDayInclusive() throws {
        let edge = "\t2.1\t1\t2\tCouncil meets monthly\tHoS (AL)\tNov 2021\t2021-11-30\t-29\tdue-soon\tRed\t\tAnn Lee\n"
        let inside = try Run.cyppctl("overdue", "--as-of", "2021-11-01", "--within", "29", "--format", "tsv", Self.folder)
        #expect(inside.stdout.contains(edge))
        let outside = try Run.cyppctl("overdue", "--as-of", "2021-11-01", "--within", "28", "--format", "tsv", Self.folder)
        #expect(!outside.stdout.contains("Council meets monthly"))
    }

    @Test(arguments: asOfDates)
    func csvIsTheSameRowsNeutralised(asOf: String) throws {
        let r = try Run.cyppctl("overdue", "--as-of", asOf, "--within", "31", "--format", "csv", Self.folder)
        #expect(r.status == 0)
        #expect(r.stdout == OverdueExpectation.csv(OverdueExpectation.rows(asOf: asOf, within: 31)))
    }

    @Test func csvNeutralisesFormulasButNotNegativeDays() throws {
        let r = try Run.cyppctl("overdue", "--as-of", "2022-03-01", "--within", "31", "--format", "csv", Self.folder)
        #expect(r.stdout.contains("\"'=HYPERLINK(\"\"http://example.org\"\") tutoring, for all\""))
        #expect(r.stdout.contains(",2022-03-31,-30,due-soon,"))
    }

    @Test(arguments: asOfDates)
    func jsonIsAnArrayOfObjectsWithTheColumnKeys(asOf: String) throws {
        let r = try Run.cyppctl("overdue", "--as-of", asOf, "--within", "31", "--format", "json", Self.folder)
        #expect(r.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let expected = OverdueExpectation.rows(asOf: asOf, within: 31)
        #expect(objects.count == expected.count)
        for (object, row) in zip(objects, expected) {
            #expect(Set(object.keys) == Set(OverdueExpectation.columns))
            for key in OverdueExpectation.columns {
                let text = row[key] ?? ""
                switch key {
                case "days_overdue": #expect(object[key] as? Int == Int(text))
                case "milestone": #expect(text.isEmpty ? object[key] is NSNull : object[key] as? Int == Int(text))
                default: #expect(text.isEmpty ? object[key] is NSNull : object[key] as? String == text, "\(key)")
                }
            }
        }
    }

    @Test func jsonWithNothingDueIsAnEmptyArray() throws {
        let r = try Run.cyppctl("overdue", "--as-of", "2021-01-01", "--format", "json", Self.folder)
        #expect(r.stdout == "[]\n")
    }

    @Test func theTableMarksMilestonesAndSaysHowLate() throws {
        let r = try Run.cyppctl("overdue", "--as-of", "2022-01-01", "--within", "30", Self.folder)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1 + OverdueExpectation.rows(asOf: "2022-01-01", within: 30).count)
        #expect(lines[0].hasPrefix("PLAN") && lines[0].hasSuffix("ACTION") && lines[0].contains("OVERDUE"))
        #expect(lines[1].hasPrefix("alpha.md  1.1 ") && lines[1].contains("276 days"))
        #expect(lines.contains { $0.hasPrefix("beta.csv  2.2 m2") && $0.contains(" 1 day ") && $0.hasSuffix("Young inspectors trained") })
        #expect(lines.last?.hasPrefix("beta.csv  1.1 m2") == true && lines.last?.contains("due in 30 days") == true)
        #expect(!r.stdout.contains("\u{1B}"))
        let bare = try Run.cyppctl("overdue", "--as-of", "2022-01-01", "--no-header", Self.folder)
        #expect(bare.stdout.split(separator: "\n").count == OverdueExpectation.rows(asOf: "2022-01-01").count)
        #expect(!bare.stdout.contains("PLAN"))
        let none = try Run.cyppctl("overdue", "--as-of", "2021-01-01", "--within", "7", Self.folder)
        #expect(none.stdout == "nothing overdue or due within 7 days as of 2021-01-01\n")
    }

    @Test func noHeaderDropsTheHeaderLineOfTSVAndCSV() throws {
        let rows = OverdueExpectation.rows(asOf: "2022-01-01")
        let tsv = try Run.cyppctl("overdue", "--as-of", "2022-01-01", "--format", "tsv", "--no-header", Self.folder)
        #expect(tsv.stdout == OverdueExpectation.tsv(rows, header: false))
        let csv = try Run.cyppctl("overdue", "--as-of", "2022-01-01", "--format", "csv", "--no-header", Self.folder)
        #expect(csv.stdout == OverdueExpectation.csv(rows).split(separator: "\r\n").dropFirst().map { $0 + "\r\n" }.joined())
    }

    /// Colour needs a terminal, so this one runs the command in-process with a fake one.
    @Test(arguments: [([String: String](), true), (["NO_COLOR": "1"], false), (["TERM": "dumb"], false)])
    func colourOnlyOnATerminalWithoutNoColor(variables: [String: String], coloured: Bool) {
        let out = StringOutput(), err = StringOutput()
        let env = Environment(stdout: out, stderr: err, stdoutIsTerminal: true, variables: variables,
                              today: Day(year: 2022, month: 1, day: 1) ?? Day(ordinal: 0))
        let status = CLI.run(["overdue", "--within", "30", Run.fixture("overdue/plans")], env: env)
        #expect(status == 0)
        let lines = out.text.split(separator: "\n")
        #expect(lines.count == 1 + OverdueExpectation.rows(asOf: "2022-01-01", within: 30).count)
        #expect(lines.first?.contains("\u{1B}") == false)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("\u{1B}[") } == coloured)
        #expect(lines.contains { $0.hasPrefix("\u{1B}[31malpha.md  1.1 ") } == coloured)
        #expect(lines.contains { $0.hasPrefix("\u{1B}[33mbeta.csv  1.1 m2") } == coloured)
    }

    @Test(arguments: [
        ("ann lee", ["alpha.md 1.1", "alpha.md 1.10", "beta.csv 1.1", "beta.csv 2.1"]),
        ("HOS (al)", ["beta.csv 1.1", "beta.csv 2.1"]),
        ("dev patel", ["beta.csv 2.2", "beta.csv 1.1"]),
        ("nobody", []),
    ])
    func ownerMatchesTheCellOrTheResolvedPerson(owner: String, refs: [String]) throws {
        let r = try Run.cyppctl("overdue", "--as-of", "2022-06-01", "--owner", owner, "--format", "tsv", "--no-header", Self.folder)
        #expect(r.status == 0)
        let want = owner.lowercased()
        let expected = OverdueExpectation.rows(asOf: "2022-06-01") {
            $0["owner"].lowercased().contains(want) || (!$0["owner"].isEmpty && $0["person"].lowercased().contains(want))
        }
        #expect(r.stdout == OverdueExpectation.tsv(expected, header: false))
        #expect(expected.map { ($0["plan"]?.split(separator: "/").last.map(String.init) ?? "") + " " + ($0["ref"] ?? "") } == refs)
    }

    @Test(arguments: [("2", ["alpha.md", "beta.csv"]), ("learn well", ["alpha.md"]), ("workforce", ["beta.csv"])])
    func outcomeMatchesARefOrATitle(outcome: String, plans: [String]) throws {
        let r = try Run.cyppctl("overdue", "--as-of", "2022-06-01", "--outcome", outcome, "--format", "tsv", Self.folder)
        let titles = ["alpha.md 1": "children are safe", "alpha.md 2": "children learn well",
                      "beta.csv 1": "workforce", "beta.csv 2": "voice of the child"]
        let expected = OverdueExpectation.rows(asOf: "2022-06-01") { item in
            item["outcome"] == outcome || (titles[item["plan"] + " " + item["outcome"]] ?? "").contains(outcome)
        }
        #expect(r.stdout == OverdueExpectation.tsv(expected))
        #expect(Set(expected.compactMap { $0["plan"]?.split(separator: "/").last.map(String.init) }) == Set(plans))
    }

    @Test func aMilestoneOfTheShippedPlanIsItsActionsRefAndNumber() throws {
        let r = try Run.cyppctl("overdue", "--as-of", "2022-05-01", "--owner", "HoS (JH)", "--format", "tsv", "--no-header")
        #expect(r.status == 0)
        #expect(r.stdout.contains("plans/southend-improvement-plan-2021-2023.csv\t3.8\t2\t3\tPlacement order to Match"
            + " is below National Average of 170 days (Adoption Scorecard 16-19, A2)\tHoS (JH)\tApril 2022\t2022-04-30\t1\toverdue\t\t\tHoS (JH)\n"))
        let all = try Run.cyppctl("overdue", "--as-of", "2022-05-01", "--format", "json")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        let days = objects.compactMap { $0["days_overdue"] as? Int }
        #expect(days.count == objects.count && !days.isEmpty)
        #expect(days.allSatisfy { $0 > 0 } && days == days.sorted(by: >))
    }
}
