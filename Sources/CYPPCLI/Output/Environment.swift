import CYPPKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Everything a command may touch outside its arguments, passed in so tests can fake it.
public struct Environment {
    public var stdout: TextOutput
    public var stderr: TextOutput
    public var stdoutIsTerminal: Bool
    public var variables: [String: String]
    public var today: Day
    /// The moment the run started, for the history's timestamps (`today` is its local date).
    public var now: Date

    public init(stdout: TextOutput, stderr: TextOutput, stdoutIsTerminal: Bool = false,
                variables: [String: String] = [:], today: Day, now: Date = Date()) {
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutIsTerminal = stdoutIsTerminal
        self.variables = variables
        self.today = today
        self.now = now
    }

    /// The real process: file descriptors 1 and 2, the clock read once, here. `finish` flushes
    /// them and gives the exit status: the command's, or 74 when its output could not be
    /// written (a full disk must not look like a short listing).
    public static func process() -> (Environment, finish: (Int32) -> Int32) {
        let out = FileDescriptorOutput(fd: 1), err = FileDescriptorOutput(fd: 2)
        let date = Date()
        // The C library's local date (setting up a Calendar cost more than reading a small
        // plan), from the one place the history's stamps take their local time from too.
        let today = HistoryTime.localDay(date)
        let env = Environment(stdout: out, stderr: err, stdoutIsTerminal: isatty(1) == 1,
                              variables: readVariables(), today: today, now: date)
        return (env, { status in
            out.flush()
            if let failure = out.failure {
                err.write("cyppctl: error: cannot write to standard output: \(String(cString: strerror(failure)))\n")
            }
            err.flush()
            return out.failure != nil && status == ExitCode.ok.rawValue ? ExitCode.ioError.rawValue : status
        })
    }

    /// The variables commands read. Only these are looked up: copying the whole environment
    /// into a dictionary was a noticeable part of a run on the bundled plans.
    private static func readVariables() -> [String: String] {
        var found: [String: String] = [:]
        func read(_ name: String) { if let value = getenv(name) { found[name] = String(cString: value) } }
        read("USER"); read("LOGNAME"); read("CYPPCTL_LOCK_TIMEOUT"); read("COLUMNS"); read("NO_COLOR"); read("TERM")
        return found
    }

    /// The terminal's width in columns (its window size, else COLUMNS), or nil when stdout is
    /// not a terminal: tables are then never cut.
    public var terminalWidth: Int? {
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return variables["COLUMNS"].flatMap(Int.init) ?? 100
    }

    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org).
    public var useColour: Bool {
        stdoutIsTerminal && (variables["NO_COLOR"] ?? "").isEmpty && variables["TERM"] != "dumb"
    }
}
