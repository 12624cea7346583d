import CYPPCLI
import CYPPKit
import Foundation
import Testing

@Suite("cyppctl report, end to end")
struct ReportCommandTests {
    static let fixture = Run.fixture("report")

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cypp-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func reportsTheShippedPlansByDefault() throws {
        let r = try Run.cyppctl("report", "--as-of", "2019-04-01")
        #expect(r.status == 0, "\(r.stderr)")
        // The one warning is 002's "As in Play Strategy" due date, which names no date.
        #expect(r.stderr == "cyppctl: note: 1 warning in the plans; 'cyppctl check' lists them\n")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.first == "Progress report: 5 plans")
        #expect(lines.contains("Actions 349"))
        #expect(lines.contains("Overdue 241 + 45 milestones overdue"))
        #expect(lines.contains("EXCEPTIONS (254)"))
        // The 2018 plan alone: 5 due in Dec 2018, 2 in Oct 2018, 1 in Jan 2019, 5 in Mar 2019.
        #expect(lines.contains { $0.hasPrefix("southend-cypp-2018-2020 30 0 (0%) 13 3 30 13 ") })
        #expect(lines.contains { $0.hasPrefix("Jeff Banks 4 ") })  // 'Service Director' and 'Director' are one person
        #expect(!r.stdout.contains("\u{1B}["))  // not a terminal: no colour
    }

    @Test(arguments: ["text", "md", "html", "json", "csv"])
    func everyFormatWritesTheSameBytesToStdoutAndToOut(format: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdout = try Run.cyppctl("report", "--format", format, "--as-of", "2025-06-30", "--since", "2025-06-01", Self.fixture)
        #expect(stdout.status == 0, "\(stdout.stderr)")
        let out = folder.appendingPathComponent("paper.\(format)").path
        let file = try Run.cyppctl(
            "report", "--format", format, "--out", out, "--as-of", "2025-06-30", "--since", "2025-06-01", Self.fixture)
        #expect(file.status == 0, "\(file.stderr)")
        #expect(file.stdout.isEmpty)
        #expect(file.stderr == "report: wrote \(out)\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == stdout.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["paper.\(format)"])  // no temp file left
    }

    @Test func outReplacesAnExistingFileAndKeepsItsPermissions() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("paper.json").path
        try "old".write(toFile: out, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: out)
        let r = try Run.cyppctl("report", "--format", "json", "--out", out, "--as-of", "2025-06-30", Self.fixture)
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("{"))
        #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o640)
    }

    @Test func outThatCannotBeWrittenExits73() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nope/paper.html").path
        let r = try Run.cyppctl("report", "--out", missing, Self.fixture)
        #expect(r.status == 73)
        #expect(r.stderr == "cyppctl: error: cannot write '\(missing)': folder '\(folder.path)/nope' does not exist\n")
        let dir = try Run.cyppctl("report", "--out", folder.path, Self.fixture)
        #expect(dir.status == 73)
        #expect(dir.stderr == "cyppctl: error: cannot write '\(folder.path)': it is a folder\n")
    }

    @Test(arguments: [
        (["--since", "2025-13-01"], "invalid date '2025-13-01' for '--since' (expected YYYY-MM-DD)"),
        (["--as-of", "30/06/2025"], "invalid date '30/06/2025' for '--as-of' (expected YYYY-MM-DD)"),
        (["--horizon", "-5"], "invalid number '-5' for '--horizon' (expected a whole number of days, 0 or more)"),
        (["--format", "pdf"], "invalid value 'pdf' for '--format' (expected one of: text, md, html, json, csv)"),
        (["--sinse", "2025-01-01"], "unknown option '--sinse', did you mean '--since'?"),
    ])
    func badOptionsExit64WithAHint(args: [String], message: String) throws {
        let r = try Run.cyppctl("report", args[0], args[1], Self.fixture)
        #expect(r.status == 64)
        #expect(r.stderr == "cyppctl: error: \(message)\nRun 'cyppctl report --help' for usage.\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func sinceAfterTheAsOfDateIsAUsageError() throws {
        let r = try Run.cyppctl("report", "--as-of", "2025-06-30", "--since", "2025-07-01", Self.fixture)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("cyppctl: error: '--since 2025-07-01' is after the as-of date 2025-06-30; give the last meeting's date\n"))
    }

    @Test func plansWithErrorsExit65AndMissingPathsExit66() throws {
        let bad = try Run.cyppctl("report", Run.fixture("markdown/problems.md"))
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("run 'cyppctl check'"))
        let missing = try Run.cyppctl("report", "no/such/plans")
        #expect(missing.status == 66)
    }

    @Test func malformedHistoryLinesAreWarnedAboutAndSkipped() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("alpha.md").path
        try FileManager.default.copyItem(atPath: Run.fixture("report/alpha.md"), toPath: plan)
        var history = try String(contentsOfFile: Run.fixture("report/alpha.md.history.tsv"), encoding: .utf8)
        history += "garbage line\n"
        try history.write(toFile: plan + ".history.tsv", atomically: true, encoding: .utf8)
        let r = try Run.cyppctl("report", "--format", "json", "--as-of", "2025-06-30", "--since", "2025-06-01", plan)
        #expect(r.status == 0)
        #expect(r.stderr.contains("alpha.md.history.tsv:15:1: warning: history line is not 8 tab-separated fields"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(((json["changes"] as? [String: Any])?["changes"] as? [Any])?.count == 5)
    }

    @Test(arguments: [(true, [:], true), (true, ["NO_COLOR": "1"], false), (false, [:], false), (true, ["TERM": "dumb"], false)])
    func colourOnlyOnATerminalWithoutNoColor(terminal: Bool, variables: [String: String], colour: Bool) {
        let out = StringOutput()
        let err = StringOutput()
        let env = Environment(
            stdout: out, stderr: err, stdoutIsTerminal: terminal, variables: variables,
            today: Day(year: 2025, month: 6, day: 30)!)
        let status = CLI.run(["report", Self.fixture], env: env)
        #expect(status == 0, "\(err.text)")
        #expect(out.text.contains("\u{1B}[31mRed\u{1B}[0m") == colour)
        #expect(out.text.contains("\u{1B}[") == colour)
    }
}
