import Foundation
import Testing

@Suite("cyppctl binary, end to end")
struct EndToEndTests {
    @Test func checkPassesOnTheShippedPlans() throws {
        let r = try Run.cyppctl("check")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "ok: 5 plans, 349 actions: 0 errors, 1 warning\n")
        // The one date the 2008–09 plan leaves open (see the README's bundled plans).
        #expect(r.stderr == "plans/southend-cypp-2008-2009.md:258:66: warning: unparsed due date 'As in Play Strategy'; no deadline taken from it [CYPP007]\n")
    }

    @Test func checkPrintsFileLineColumnDiagnosticsAndExits65() throws {
        let file = Run.fixture("markdown/problems.md")
        let r = try Run.cyppctl("check", file)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(file):11:43: error: unknown progress rating 'Purple' (expected Blue, Red, Amber, Green, Grey or blank) [CYPP005]\n"))
        #expect(r.stderr.contains("\(file):12:1: error: duplicate ref '1.1' (first used on line 11); refs must be unique in a plan [CYPP006]\n"))
        #expect(r.stderr.contains("\(file):12:25: warning: unparsed due date 'Someday soon'; no deadline taken from it [CYPP007]\n"))
        #expect(r.stderr.hasSuffix("check: 1 plan, 3 actions: 5 errors, 3 warnings\n"))
    }

    @Test func checkJSONIsAnArrayOnStdout() throws {
        let r = try Run.cyppctl("check", "--format", "json", Run.fixture("csv/problems.csv"))
        #expect(r.status == 65)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["code"] as? String }.contains("CYPP005"))
        #expect(items.allSatisfy { $0["line"] is Int && $0["column"] is Int && $0["file"] is String })
    }

    /// A plan with no title of its own is named from its file by every command, `list` too
    /// (which prints actions before the plan's end, where that name used to be given).
    @Test func anUntitledPlanIsNamedFromItsFileInListAsInShow() throws {
        let file = Run.fixture("csv/basic.csv")
        let listed = try Run.cyppctl("list", "--format", "json", file)
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let shown = try Run.cyppctl("show", "1.1", "--format", "json", file)
        let action = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(action["planTitle"] as? String == "basic")
        #expect(!actions.isEmpty && actions.allSatisfy { $0["planTitle"] as? String == "basic" })
        let csv = try Run.cyppctl("list", "--format", "csv", file)
        #expect(csv.stdout.components(separatedBy: ".csv,basic,").count - 1 == actions.count)
    }

    @Test func listShowsEveryActionOfThePlansFolder() throws {
        let r = try Run.cyppctl("list")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 349)
        #expect(lines[0].hasPrefix("PLAN") && lines[0].contains("REF") && lines[0].hasSuffix("ACTION"))
        #expect(lines.contains { $0.contains("3.8") && $0.contains("Oct 2021") && $0.contains("HoS (LD)") })
    }

    @Test func listFiltersByOwnerOutcomeAndRating() throws {
        let owner = try Run.cyppctl("list", "--owner", "jeff banks", "--format", "csv", "plans/southend-cypp-2018-2020.md")
        #expect(owner.status == 0)
        let rows = owner.stdout.split(separator: "\r\n")
        #expect(rows.count == 1 + 4)
        let outcome = try Run.cyppctl("list", "--outcome", "4", "plans/southend-cypp-2018-2020.md")
        #expect(outcome.stdout.split(separator: "\n").dropFirst().map { $0.prefix(3) } == ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"])
        let basic = Run.fixture("markdown/basic.md")
        let red = try Run.cyppctl("list", "--rating", "red", "--format", "json", basic)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(red.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["ref"] as? String } == ["2.1"])
        let unrated = try Run.cyppctl("list", "--rating", "unrated", basic)
        #expect(unrated.stdout.split(separator: "\n").count == 2)
    }

    @Test func listJSONCarriesEveryFieldWithISODates() throws {
        let r = try Run.cyppctl("list", "--format", "json", Run.fixture("markdown/basic.md"))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let first = try #require(items.first)
        #expect(Set(first.keys) == ["plan", "planTitle", "outcome", "ref", "action", "start", "due", "deadline", "owner",
                                    "progress", "impact", "narrative", "milestones", "extras", "file", "line"])
        let due = try #require(first["due"] as? [String: Any])
        #expect(due["text"] as? String == "March 2025")
        #expect(due["start"] as? String == "2025-03-01" && due["end"] as? String == "2025-03-31")
        #expect(first["deadline"] as? String == "2025-03-31")
        #expect(first["progress"] as? String == "Green")
        #expect((first["extras"] as? [String: String]) == ["Funding": "ABSS"])
    }

    @Test func showPrintsOneActionWithItsMilestones() throws {
        let r = try Run.cyppctl("show", "3.8", "--plan", "plans/southend-improvement-plan-2021-2023.csv")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("3.8  Ensure all permanency decisions"))
        #expect(r.stdout.contains("Due:        Oct 2021 (deadline 2021-10-31)\n"))
        #expect(r.stdout.contains("  2. Placement order to Match is below National Average of 170 days (Adoption Scorecard 16-19, A2) [due April 2022 (deadline 2022-04-30); owner HoS (JH)]\n"))
        let json = try Run.cyppctl("show", "3.8", "--format", "json", "plans/southend-improvement-plan-2021-2023.csv")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["milestones"] as? [Any])?.count == 3)
    }

    @Test func showWithAnUnknownOrAmbiguousRefExits65NamingCandidates() throws {
        let unknown = try Run.cyppctl("show", "9.9")
        #expect(unknown.status == 65)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no action with ref '9.9'"))
        let ambiguous = try Run.cyppctl("show", "1.1")
        #expect(ambiguous.status == 65)
        #expect(ambiguous.stderr.contains("ref '1.1' is in several plans: plans/southend-cypp-2016-2017.md, plans/southend-cypp-2018-2020.md, "
            + "plans/southend-improvement-plan-2021-2023.csv, plans/thurrock-cypp-2012-2013.md; choose one with --plan FILE"))
        let chosen = try Run.cyppctl("show", "1.1", "--plan", "plans/southend-improvement-plan-2021-2023.csv")
        #expect(chosen.status == 0)
        #expect(chosen.stdout.hasPrefix("1.1  Embed our new strategic intent"))
    }

    @Test func usageErrorsExit64WithAOneLineHint() throws {
        let r = try Run.cyppctl("list", "--fromat", "json")
        #expect(r.status == 64)
        #expect(r.stderr == "cyppctl: error: unknown option '--fromat', did you mean '--format'?\nRun 'cyppctl list --help' for usage.\n")
        let bad = try Run.cyppctl("list", "--format", "xml")
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("cyppctl: error: invalid value 'xml' for '--format' (expected one of: table, json, csv)\n"))
        let cmd = try Run.cyppctl("lsit")
        #expect(cmd.status == 64)
        #expect(cmd.stderr.hasPrefix("cyppctl: error: unknown command 'lsit', did you mean 'list'?"))
        let option = try Run.cyppctl("--bogus")
        #expect(option.status == 64)
        #expect(option.stderr.hasPrefix("cyppctl: error: unknown option '--bogus' before any command"))
        #expect(option.stderr.contains("(options follow the command: cyppctl COMMAND [OPTIONS])"))
        let none = try Run.cyppctl()
        #expect(none.status == 64)
    }

    @Test func missingInputExits66() throws {
        let r = try Run.cyppctl("list", "no/such/plan.md")
        #expect(r.status == 66)
        #expect(r.stderr == "cyppctl: error: no/such/plan.md: no such file or directory\n")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let noPlans = try Run.cyppctl("check", in: empty)
        #expect(noPlans.status == 66)
        #expect(noPlans.stderr.contains("no ./plans folder here"))
    }

    @Test func badPlanDataMakesListExit65WithNothingOnStdout() throws {
        let r = try Run.cyppctl("list", Run.fixture("csv/unterminated.csv"))
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("unterminated.csv:3:9: error: quoted field is never closed"))
    }

    @Test func helpAndVersion() throws {
        let help = try Run.cyppctl("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("COMMANDS:") && help.stdout.contains("  check ") && help.stdout.contains("  show "))
        let listHelp = try Run.cyppctl("list", "--help")
        #expect(listHelp.status == 0)
        #expect(listHelp.stdout.hasPrefix("USAGE: cyppctl list [options] [PLAN-FILE-OR-DIR ...]\n"))
        #expect(listHelp.stdout.contains("--format FORMAT"))
        #expect(listHelp.stdout.contains("One of: table, json, csv. (default: table)"))
        let version = try Run.cyppctl("--version")
        #expect(version.stdout == "cyppctl 0.1.0\n")
    }
}
