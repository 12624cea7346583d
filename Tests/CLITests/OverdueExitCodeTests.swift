import Foundation
import Testing

@Suite("cyppctl overdue exit codes and streams")
struct OverdueExitCodeTests {
    static let folder = OverdueExpectation.folder

    static let exitCases: [([String], Int32)] = [
        (["--as-of", "2021-01-01"], 0),
        (["--as-of", "2021-01-01", "--exit-code"], 0),
        (["--as-of", "2022-01-01"], 0),
        (["--as-of", "2022-01-01", "--exit-code"], 1),
        (["--as-of", "2022-01-01", "--exit-code", "--format", "json"], 1),
        (["--as-of", "2022-01-01", "--exit-code", "--owner", "cara"], 0),
        (["--as-of", "2021-01-01", "--within", "90", "--exit-code"], 0),
        (["--as-of", "2021-04-01", "--within", "90", "--exit-code"], 1),
    ]

    /// A full disk under stdout must not pass for a short listing: exit 74, and why, on stderr.
    @Test(arguments: [["overdue", "--as-of", "2022-01-01", "--format", "tsv"], ["check"]])
    func outputThatCannotBeWrittenExits74(args: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let process = Process(), err = Pipe()
        process.executableURL = Run.binary
        process.arguments = args + [Self.folder]
        process.standardOutput = full
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(message.contains("cyppctl: error: cannot write to standard output: No space left on device"))
    }

    @Test(arguments: exitCases)
    func exitsOneOnlyWithExitCodeWhenSomethingIsOverdue(args: [String], status: Int32) throws {
        let r = try Run.cyppctl(["overdue"] + args + [Self.folder])
        #expect(r.status == status)
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: [
        (["--as-of", "2022-13-01"], "invalid date '2022-13-01' for '--as-of' (expected YYYY-MM-DD)"),
        (["--as-of", "1/1/2022"], "invalid date '1/1/2022' for '--as-of' (expected YYYY-MM-DD)"),
        (["--within", "-1"], "invalid number '-1' for '--within' (expected a whole number of days, 0 or more)"),
        (["--within=-1"], "invalid number '-1' for '--within'"),
        (["--within", "soon"], "invalid number 'soon' for '--within'"),
        (["--format", "xml"], "invalid value 'xml' for '--format' (expected one of: table, tsv, csv, json)"),
        (["--exit-codes"], "unknown option '--exit-codes', did you mean '--exit-code'?"),
        (["--owner"], "option '--owner' needs a value (TEXT)"),
    ])
    func usageErrorsExit64BeforeReadingPlans(args: [String], message: String) throws {
        let r = try Run.cyppctl(["overdue", Self.folder] + args)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("cyppctl: error: " + message), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("Run 'cyppctl overdue --help' for usage.\n"))
    }

    @Test(arguments: ["overdue", "owners"])
    func planErrorsExit65WithNothingOnStdout(command: String) throws {
        let r = try Run.cyppctl(command, "--as-of", "2022-01-01", "--format", "tsv", Run.fixture("csv/unterminated.csv"))
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("unterminated.csv:3:9: error: quoted field is never closed"))
    }

    @Test(arguments: ["overdue", "owners"])
    func missingInputExits66(command: String) throws {
        let r = try Run.cyppctl(command, "--as-of", "2022-01-01", "no/such/plans")
        #expect(r.status == 66)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "cyppctl: error: no/such/plans: no such file or directory\n")
    }

    @Test(arguments: ["table", "tsv", "csv", "json"])
    func aPlanWithWarningsStillListsAndStdoutStaysClean(format: String) throws {
        let r = try Run.cyppctl("overdue", "--as-of", "2021-06-01", "--format", format, Run.fixture("overdue/warnings.md"))
        #expect(r.status == 0)
        #expect(r.stderr == "cyppctl: note: 1 warning in the plans; 'cyppctl check' lists them\n")
        #expect(r.stdout.contains("Late action") && !r.stdout.contains("Undated action"))
        #expect(!r.stdout.contains("warning:") && !r.stdout.contains("note:") && !r.stdout.contains("CYPP"))
    }

    @Test func helpListsTheColumnsAndExitCodes() throws {
        let r = try Run.cyppctl("overdue", "--help")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("USAGE: cyppctl overdue [options] [PLAN-FILE-OR-DIR ...]\n"))
        #expect(r.stdout.contains("plan, ref, milestone, outcome, action,\nowner, due, deadline, days_overdue, status, progress, impact, person"))
        let overview = try Run.cyppctl("--help")
        #expect(overview.stdout.contains("  overdue ") && overview.stdout.contains("  owners "))
    }
}
