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
    /// An environment variable's value, looked up when a command asks (only `rate` and a
    /// terminal's output do): the process's environment, or the variables a test gives.
    public var variable: (String) -> String?
    public var today: Day
    /// The moment the run started, for the history's timestamps (`today` is its local date).
    public var now: Date

    public init(stdout: TextOutput, stderr: TextOutput, stdoutIsTerminal: Bool = false,
                variables: [String: String] = [:], today: Day, now: Date = Date()) {
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutIsTerminal = stdoutIsTerminal
        self.variable = { variables[$0] }
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
        var env = Environment(stdout: out, stderr: err, stdoutIsTerminal: isatty(1) == 1, today: today, now: date)
        // Read when asked, not copied at start: a dictionary of them cost the bundled plans'
        // `overdue` more than 1% of its run (its type's first use sets up its metadata).
        env.variable = { getenv($0).map { String(cString: $0) } }
        return (env, { status in
            out.flush()
            if let failure = out.failure {
                err.write("cyppctl: error: cannot write to standard output: \(String(cString: strerror(failure)))\n")
            }
            err.flush()
            return out.failure != nil && status == ExitCode.ok.rawValue ? ExitCode.ioError.rawValue : status
        })
    }

    /// The terminal's width in columns (its window size, else COLUMNS), or nil when stdout is
    /// not a terminal: tables are then never cut.
    public var terminalWidth: Int? {
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return variable("COLUMNS").flatMap(Int.init) ?? 100
    }

    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org).
    public var useColour: Bool {
        stdoutIsTerminal && (variable("NO_COLOR") ?? "").isEmpty && variable("TERM") != "dumb"
    }
}
