import CYPPKit
import Foundation
import Testing

@Suite("cyppctl rate and history, end to end")
struct RateCommandTests {
    static let md = "southend-cypp-2018-2020.md", csv = "southend-improvement-plan-2021-2023.csv"

    /// `git diff --numstat` between the shipped plan and the edited copy: one line out, one in.
    static func gitNumstat(_ original: String, _ edited: String) throws -> String {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "diff", "--no-index", "--numstat", original, edited]
        let out = Pipe()
        git.standardOutput = out
        try git.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\t").prefix(2).joined(separator: " ")
    }

    @Test(arguments: [(md, "2.3", 70), (csv, "3.8", 41)])
    func rateChangesOnlyTheActionsLine(plan: String, ref: String, line: Int) throws {
        let scratch = try ScratchPlans("plans/" + plan)
        let r = try scratch.cyppctl("rate", ref, "--progress", "green", "--impact", "Amber", "--by", "Ruth Baker")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(ref) progress: unrated → Green\n\(ref) impact: unrated → Amber\n")
        #expect(r.stderr.isEmpty)
        let original = [UInt8](try Data(contentsOf: Run.root.appendingPathComponent("plans/" + plan)))
        let old = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let new = scratch.bytes(scratch.plan(plan)).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(old.count == new.count)
        #expect(zip(old, new).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 } == [line])
        #expect(try Self.gitNumstat(Run.root.appendingPathComponent("plans/" + plan).path, scratch.path(scratch.plan(plan))) == "1 1")
        let history = scratch.text(scratch.plan(plan) + ".history.tsv").split(separator: "\n")
        #expect(history.count == 3)
        #expect(history[0] == "time\twho\tplan\tref\tfield\told\tnew\tnote")
        #expect(history[1].hasSuffix("\tRuth Baker\t\(plan)\t\(ref)\tprogress\t\tGreen\t"))
        #expect(history[2].hasSuffix("\tRuth Baker\t\(plan)\t\(ref)\timpact\t\tAmber\t"))
        let check = try scratch.cyppctl("check")
        #expect(check.status == 0 && check.stdout.hasPrefix("ok: 1 plan"))
    }

    @Test func reRatingAsItIsWritesNothingAndSaysSo() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        _ = try scratch.cyppctl("rate", "3.8", "--progress", "green")
        let bytes = scratch.bytes(scratch.plan(Self.csv)), history = scratch.text(scratch.plan(Self.csv) + ".history.tsv")
        let again = try scratch.cyppctl("rate", "3.8", "--progress", "GREEN")
        #expect(again.status == 0)
        #expect(again.stdout == "3.8 progress: Green (unchanged)\nnothing changed; plans/\(Self.csv) and its history were not written\n")
        #expect(scratch.bytes(scratch.plan(Self.csv)) == bytes)
        #expect(scratch.text(scratch.plan(Self.csv) + ".history.tsv") == history)
    }

    @Test func whoIsTheLoginNameUnlessGivenAndAsOfSetsTheDay() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        _ = try scratch.cyppctl("rate", "1.1", "--progress", "red", environment: ["USER": "alice", "LOGNAME": "bob"])
        _ = try scratch.cyppctl("rate", "1.1", "--progress", "amber", environment: ["USER": "", "LOGNAME": "bob"])
        // Back-filled: impact, which no later change has touched (progress would be refused).
        _ = try scratch.cyppctl("rate", "1.1", "--impact", "green", "--by", "Ruth Baker", "--as-of", "2021-10-14",
                                environment: ["USER": "alice"])
        let r = try scratch.cyppctl("history", "--format", "tsv")
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[1]) } == ["Ruth Baker", "alice", "bob"])  // oldest first: the back-filled one
        #expect(rows[0][0].hasPrefix("2021-10-14T"))
    }

    @Test func badRatingsAndOptionsAreUsageErrors() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let purple = try scratch.cyppctl("rate", "3.8", "--progress", "Purple")
        #expect(purple.status == 64)
        #expect(purple.stderr == "cyppctl: error: invalid value 'Purple' for '--progress' (expected one of: blue, red, amber, green, grey, unrated)\nRun 'cyppctl rate --help' for usage.\n")
        for args in [["rate", "3.8"], ["rate", "3.8", "--impact", ""], ["rate", "3.8", "--progress", "red", "--as-of", "14/10/2021"],
                     ["rate", "3.8", "--progress", "red", "--wait", "soon"], ["rate", "3.8", "--progress", "red", "--by", " "],
                     ["rate", "--progress", "red"]] {
            let r = try Run.cyppctl(args, in: scratch.url)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(scratch.names() == [Self.csv])
    }

    @Test func unknownAndAmbiguousRefsExit65NamingCandidates() throws {
        let scratch = try ScratchPlans("plans/" + Self.md, "plans/" + Self.csv)
        let unknown = try scratch.cyppctl("rate", "3.88", "--progress", "red")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("no action with ref '3.88'") && unknown.stderr.contains("did you mean '3.8'?"))
        let ambiguous = try scratch.cyppctl("rate", "1.1", "--progress", "red")
        #expect(ambiguous.status == 65)
        #expect(ambiguous.stderr.contains("plans/\(Self.md), plans/\(Self.csv); choose one with --plan FILE"))
        #expect(scratch.names() == [Self.md, Self.csv])
        let chosen = try scratch.cyppctl("rate", "1.1", "--progress", "red", "--plan", scratch.plan(Self.csv))
        #expect(chosen.status == 0 && chosen.stdout == "1.1 progress: unrated → Red\n")
    }

    @Test func aPlanWithErrorsIsRefusedWithItsDiagnostics() throws {
        let scratch = try ScratchPlans("Tests/Fixtures/markdown/problems.md")
        let before = scratch.bytes(scratch.plan("problems.md"))
        let r = try scratch.cyppctl("rate", "1.3", "--progress", "green")
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("plans/problems.md:11:43: error: unknown progress rating 'Purple'"))
        #expect(r.stderr.contains("refusing to change it (nothing was written)"))
        #expect(scratch.bytes(scratch.plan("problems.md")) == before)
        #expect(!scratch.names().contains { $0.hasSuffix(".history.tsv") })
        // A ref the reader could not place: the errors come first, then why nothing was done.
        let lost = try scratch.cyppctl("rate", "2.1", "--progress", "green")
        #expect(lost.status == 65)
        #expect(lost.stderr.contains("plans/problems.md:17:1: error: table has no Action column"))
        #expect(lost.stderr.hasSuffix("cyppctl: error: no action with ref '2.1' found, and the plans have errors; fix them first ('cyppctl check')\n"))
        #expect(scratch.bytes(scratch.plan("problems.md")) == before)
    }

    @Test func aNoteBecomesTheNarrativeOrStaysInTheHistory() throws {
        let scratch = try ScratchPlans("plans/" + Self.md, "Tests/Fixtures/rate/no-narrative.md")
        let r = try scratch.cyppctl("rate", "4.2", "--progress", "amber", "--note", "Waiting on | the panel", "--plan", scratch.plan(Self.md))
        #expect(r.stdout == "4.2 progress: unrated → Amber\n4.2 narrative: updated\n")
        let show = try scratch.cyppctl("show", "4.2", "--plan", scratch.plan(Self.md), "--format", "json")
        #expect(show.stdout.contains("\"narrative\": \"Waiting on | the panel\""))
        let none = try scratch.cyppctl("rate", "1.1", "--progress", "green", "--note", "Agreed", "--plan", scratch.plan("no-narrative.md"))
        #expect(none.status == 0)
        #expect(none.stdout == "1.1 progress: Amber → Green\n")
        #expect(none.stderr == "cyppctl: note: 1.1's table has no narrative column; the note is kept in the history only\n")
        let noteOnly = try scratch.cyppctl("rate", "4.2", "--note", "Panel met", "--plan", scratch.plan(Self.md))
        #expect(noteOnly.status == 0 && noteOnly.stdout == "4.2 narrative: updated\n")
        let lost = try scratch.cyppctl("rate", "1.2", "--note", "Not kept", "--plan", scratch.plan("no-narrative.md"))
        #expect(lost.status == 0)
        #expect(lost.stdout == "nothing changed; plans/no-narrative.md and its history were not written\n")
        #expect(lost.stderr == "cyppctl: note: 1.2's table has no narrative column; nothing changed, so the note was not recorded\n")
        let history = try scratch.cyppctl("history", "1.1", "--format", "json", scratch.plan("no-narrative.md"))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["note"] as? String == "Agreed" && items.first?["trend"] as? String == "up")
    }

    @Test func aHeldLockMakesRateExit75AndChangeNothing() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let lock = try PlanLock.acquire(forPlan: scratch.path(scratch.plan(Self.csv)), timeout: 0)
        defer { lock.release() }
        let before = scratch.bytes(scratch.plan(Self.csv))
        let r = try scratch.cyppctl("rate", "3.8", "--progress", "red", "--wait", "0.5")
        #expect(r.status == 75)
        #expect(r.stderr == "cyppctl: error: another cyppctl is updating this plan (lock '\(lock.path)' still held after 0.5s); try again\n")
        let env = try scratch.cyppctl("rate", "3.8", "--progress", "red", environment: ["CYPPCTL_LOCK_TIMEOUT": "0"])
        #expect(env.status == 75)
        #expect(scratch.bytes(scratch.plan(Self.csv)) == before)
    }

    /// The history's time is the local time the date of `today` comes from (the C library's:
    /// `TZ`, else the system's zone), with its offset; `--as-of` moves only the day, and takes
    /// that day's own offset. POSIX TZ rules, so no zone files are needed.
    @Test(arguments: [
        ("XST+11", "2021-10-14", "-11:00"),
        ("IST-5:30", "2021-10-14", "+05:30"),
        ("GMT0BST,M3.5.0/1,M10.5.0", "2021-06-01", "+01:00"),
        ("GMT0BST,M3.5.0/1,M10.5.0", "2021-12-01", "Z"),
    ])
    func historyTimesAreLocalWithTheirOffset(tz: String, asOf: String, offset: String) throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let r = try scratch.cyppctl("rate", "1.1", "--progress", "green", "--as-of", asOf, "--by", "A", environment: ["TZ": tz])
        #expect(r.status == 0, "\(r.stderr)")
        let line = scratch.text(scratch.plan(Self.csv) + ".history.tsv").split(separator: "\n").last.map(String.init) ?? ""
        let time = String(line.prefix { $0 != "\t" })
        #expect(time.hasPrefix(asOf + "T") && time.hasSuffix(offset), "\(time)")
        #expect(HistoryTime.instant(time) != nil)
    }

    /// A change recorded without --as-of counts on its local day, where the day can differ
    /// from UTC's (eleven hours behind, thirteen ahead).
    @Test(arguments: [("XST+11", -11 * 3600), ("YST-13", 13 * 3600)])
    func aChangeCountsOnItsLocalDay(tz: String, offset: Int) throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let r = try scratch.cyppctl("rate", "1.1", "--progress", "green", "--by", "A", environment: ["TZ": tz])
        #expect(r.status == 0, "\(r.stderr)")
        let line = scratch.text(scratch.plan(Self.csv) + ".history.tsv").split(separator: "\n").last.map(String.init) ?? ""
        let instant = try #require(HistoryTime.instant(String(line.prefix { $0 != "\t" })))
        #expect(abs(instant - Int(Date().timeIntervalSince1970)) < 600)
        #expect(line.hasPrefix(Day(ordinal: (instant + offset) / 86_400).description + "T"), "\(line) in \(tz)")
    }

    /// Two back-fills of one meeting's rating: the second corrects the first, so it is
    /// recorded after it even when run at an earlier time of day (it is stamped a second after).
    @Test func aSecondBackfillToTheSameDayComesAfterTheFirst() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let history = scratch.plan(Self.csv) + ".history.tsv"
        let utc = ["TZ": "UTC0"]
        #expect(try scratch.cyppctl("rate", "3.8", "--progress", "green", "--as-of", "2021-10-10", "--by", "A", environment: utc).status == 0)
        // As if the first had been run late in the evening.
        let text = scratch.text(history)
        let stamp = try #require(text.range(of: #"2021-10-10T\d\d:\d\d:\d\dZ"#, options: .regularExpression))
        try text.replacingCharacters(in: stamp, with: "2021-10-10T23:59:58Z").write(toFile: scratch.path(history), atomically: true, encoding: .utf8)
        #expect(try scratch.cyppctl("rate", "3.8", "--progress", "red", "--as-of", "2021-10-10", "--by", "B", environment: utc).status == 0)
        let lines = scratch.text(history).split(separator: "\n").filter { $0.hasPrefix("2021") }
        #expect(lines.count == 2 && lines[1].hasPrefix("2021-10-10T23:59:59Z\tB\t"), "\(lines)")
        let report = try scratch.cyppctl("report", "--since", "2021-10-01", "--as-of", "2021-10-31", "--format", "json", environment: utc)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let changes = try #require((root["changes"] as? [String: Any])?["changes"] as? [[String: Any]])
        let progress = try #require(changes.first { $0["ref"] as? String == "3.8" && $0["field"] as? String == "progress" })
        #expect(progress["to"] as? String == "Red", "\(progress)")
    }

    /// A hand-edited history line that does not parse is skipped by rate as by history, and
    /// rate says so (check reads plans, not histories).
    @Test func rateWarnsAboutHistoryLinesItSkips() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let history = scratch.plan(Self.csv) + ".history.tsv"
        #expect(try scratch.cyppctl("rate", "3.8", "--progress", "green", "--by", "A").status == 0)
        let bad = "2026-13-01T00:00:00Z\tx\t\(Self.csv)\t3.8\tprogress\t\tPurple\t\n"
        try (scratch.text(history) + bad).write(toFile: scratch.path(history), atomically: true, encoding: .utf8)
        let r = try scratch.cyppctl("rate", "3.8", "--progress", "red", "--by", "A")
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(history):3:1: warning: history line's time '2026-13-01T00:00:00Z'"), "\(r.stderr)")
        #expect(r.stderr.contains("[CYPP022]"))
    }

    /// Back-filling is for a meeting before any later change: a rating as of a day before the
    /// value's last recorded change would sit first in the history while the plan keeps it, and
    /// the report's "changes since" would then read the wrong way round. Refused, nothing written.
    @Test func aRatingBackdatedBeforeALaterChangeOfTheSameValueIsRefused() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let plan = scratch.plan(Self.csv), history = scratch.plan(Self.csv) + ".history.tsv"
        let first = try scratch.cyppctl("rate", "3.8", "--progress", "green", "--as-of", "2021-10-14", "--by", "A")
        #expect(first.status == 0, "\(first.stderr)")
        let (planBefore, historyBefore) = (scratch.bytes(plan), scratch.bytes(history))
        let late = try scratch.cyppctl("rate", "3.8", "--progress", "red", "--as-of", "2021-10-01", "--by", "B")
        #expect(late.status == 65)
        #expect(late.stderr.contains("'3.8' progress was last changed on 2021-10-14 (by A, in \(history));"), "\(late.stderr)")
        #expect(scratch.bytes(plan) == planBefore && scratch.bytes(history) == historyBefore)
        // Another value of the same action, never changed later, can still be back-filled; and
        // the same day as the last change is not before it.
        #expect(try scratch.cyppctl("rate", "3.8", "--impact", "amber", "--as-of", "2021-10-01", "--by", "B").status == 0)
        // Nor is a day to come: a rating is recorded when it has been agreed.
        let future = try scratch.cyppctl("rate", "3.8", "--impact", "red", "--as-of", "2999-01-01", "--by", "B")
        #expect(future.status == 64 && future.stderr.contains("--as-of 2999-01-01 is after today"), "\(future.stderr)")
        #expect(try scratch.cyppctl("rate", "3.8", "--progress", "red", "--as-of", "2021-10-14", "--by", "B").status == 0)
        let report = try scratch.cyppctl("report", "--since", "2021-09-01", "--as-of", "2021-10-31", "--format", "json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let changes = try #require((root["changes"] as? [String: Any])?["changes"] as? [[String: Any]])
        let progress = try #require(changes.first { $0["ref"] as? String == "3.8" && $0["field"] as? String == "progress" })
        #expect(progress["to"] as? String == "Red", "the report's changes end where the plan does: \(progress)")
    }

    @Test func historyFiltersByRefAndDayInThreeFormats() throws {
        let scratch = try ScratchPlans("plans/" + Self.md, "plans/" + Self.csv)
        let csvPlan = scratch.plan(Self.csv)
        _ = try scratch.cyppctl("rate", "3.8", "--progress", "amber", "--as-of", "2021-09-01", "--by", "rb")
        _ = try scratch.cyppctl("rate", "3.8", "--progress", "green", "--as-of", "2021-10-14", "--by", "rb", "--note", "Panel\tset up")
        _ = try scratch.cyppctl("rate", "2.3", "--progress", "red", "--as-of", "2021-10-15", "--by", "jb")
        _ = try scratch.cyppctl("rate", "1.1", "--impact", "grey", "--plan", csvPlan, "--as-of", "2021-10-16", "--by", "dcs")
        let all = try scratch.cyppctl("history")
        #expect(all.status == 0)
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 5)
        #expect(lines[0].hasPrefix("TIME") && lines[0].contains("PLAN") && lines[0].hasSuffix("NOTE"))
        #expect(lines[2].contains("  Amber → Green ↑  ") && lines[2].contains("Panel set up"))
        let one = try scratch.cyppctl("history", "3.8", "--since", "2021-10-01", "--format", "tsv")
        #expect(one.stdout.split(separator: "\n").count == 3)  // header, progress, narrative
        #expect(one.stdout.contains("\tAmber\tGreen\tPanel\\tset up\n"))
        let path = try scratch.cyppctl("history", csvPlan, "--format", "json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(path.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["ref"] as? String } == ["3.8", "3.8", "3.8", "1.1"])
        #expect(items.last?["field"] as? String == "impact" && items.last?["old"] is NSNull && items.last?["trend"] as? String == "none")
        let empty = try scratch.cyppctl("history", "5.6")
        #expect(empty.status == 0 && empty.stdout.isEmpty)
        #expect(empty.stderr == "cyppctl: note: no rating changes recorded for '5.6'\n")
        let bad = try scratch.cyppctl("history", "--since", "yesterday")
        #expect(bad.status == 64)
    }

    @Test func helpListsTheNewCommands() throws {
        let help = try Run.cyppctl("--help")
        #expect(help.stdout.contains("  rate ") && help.stdout.contains("  history "))
        let rate = try Run.cyppctl("rate", "--help")
        #expect(rate.status == 0)
        #expect(rate.stdout.hasPrefix("USAGE: cyppctl rate [options] REF [PLAN-FILE-OR-DIR ...]\n"))
        #expect(rate.stdout.contains("--wait SECONDS") && rate.stdout.contains("75"))
    }
}
