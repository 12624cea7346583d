import CYPPKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `cyppctl rate REF --progress X`: changes one action's cells in place and records each
/// changed value in the plan's history. The library does the locked read–modify–write.
enum RateCommand: Command {
    static let defaultWait = 5.0

    static let spec = CommandSpec(
        name: "rate",
        abstract: "Change an action's ratings (and narrative) in place, recording them in the history.",
        arguments: "REF [PLAN-FILE-OR-DIR ...]",
        options: [
            .value("--progress", "RATING", "New Progress rating: blue, red, amber, green, grey, or unrated to clear it."),
            .value("--impact", "RATING", "New Impact rating, the same values."),
            .value("--note", "TEXT", "New progress narrative (when the plan has that column); also the history's note."),
            .value("--by", "NAME", "Who is rating, for the history.", default: "your login name"),
            .value("--plan", "FILE", "The plan to change when REF exists in several."),
            .value("--as-of", "DATE", "Day to record the change on, YYYY-MM-DD (back-filling a past meeting).", default: "today"),
            .value("--wait", "SECONDS", "How long to wait for another rate on the same plan (or CYPPCTL_LOCK_TIMEOUT).",
                   default: "5"),
        ],
        discussion: """
            Give --progress, --impact, --note or several. Only the action's cells change; every
            other byte of the file stays as it was. Each changed value appends one line to
            PLAN.history.tsv beside the plan; re-rating a value as it already is writes nothing.
            --as-of records a rating agreed on an earlier day: not a day to come, and not before
            the last recorded change of a value it changes (back-fill meetings in order).
            Exit 0 done, 64 bad option (a future --as-of), 65 unknown or ambiguous REF, a plan
            with errors, or --as-of before a later recorded change; 66 plan not found, 73 cannot
            write, 75 another rate held the plan's lock too long.
            """,
        minPositionals: 1)

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        let ref = args.positionals[0]
        let progress = try rating(args, "--progress"), impact = try rating(args, "--impact")
        guard progress != nil || impact != nil || args.value("--note") != nil else {
            let hint = "nothing to change: give --progress RATING, --impact RATING or --note TEXT"
            throw CommandError.usage(.other(hint), command: nil)
        }
        let who = try who(args, env)
        let day = args.value("--as-of") == nil ? nil : try CommandSupport.asOf(args, env)
        if let day, env.today < day {
            // A future day would sit after every change made until then, which rate would refuse.
            let hint = "--as-of \(day) is after today (\(env.today)): rate records ratings agreed on or before today"
            throw CommandError.usage(.other(hint), command: nil)
        }
        let wait = try lockWait(args, env)
        let paths = args.value("--plan").map { [$0] } ?? Array(args.positionals.dropFirst())
        let plan = try target(ref, in: try CommandSupport.load(paths), env)
        let request = RatingRequest(ref: ref, progress: progress, impact: impact, note: args.value("--note"), who: who,
                                    time: HistoryTime.localStamp(env.now, on: day))
        let result: RateResult
        do {
            result = try RateTransaction.run(request, planPath: plan.path, lockTimeout: wait)
        } catch {
            throw failure(error, env)
        }
        report(result, request, env)
        return .ok
    }

    private static func rating(_ args: ParsedArguments, _ name: String) throws(CommandError) -> RatingInput? {
        guard let text = args.value(name) else { return nil }
        guard let r = RatingInput.parse(text) else {
            throw .usage(.invalidValue(name, text, allowed: RatingInput.allowed), command: nil)
        }
        return r
    }

    /// `--by`, else the login name: USER, LOGNAME, then the password database.
    private static func who(_ args: ParsedArguments, _ env: Environment) throws(CommandError) -> String {
        if let by = args.value("--by") {
            let name = by.collapsingWhitespace()
            guard !name.isEmpty else { throw .usage(.other("option '--by' needs a name"), command: nil) }
            return name
        }
        for key in ["USER", "LOGNAME"] { if let v = env.variable(key), !v.isEmpty { return v } }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }

    private static func lockWait(_ args: ParsedArguments, _ env: Environment) throws(CommandError) -> Double {
        let (name, text) = args.value("--wait").map { ("--wait", $0) }
            ?? env.variable("CYPPCTL_LOCK_TIMEOUT").map { ("CYPPCTL_LOCK_TIMEOUT", $0) } ?? ("", "")
        guard !text.isEmpty else { return defaultWait }
        guard let s = Double(text), s.isFinite, s >= 0, s <= 3600 else {
            throw .usage(.other("invalid number of seconds '\(text)' for '\(name)' (expected 0 to 3600)"), command: nil)
        }
        return s
    }

    /// The plan holding REF. An unknown REF in plans with errors shows those errors first,
    /// since the action may be in a row the reader could not place.
    private static func target(_ ref: String, in portfolio: Portfolio, _ env: Environment) throws(CommandError) -> Plan {
        do {
            return try RefLookup.find(ref, in: portfolio).0
        } catch {
            let errors = portfolio.diagnostics.filter { $0.severity == .error }
            if errors.isEmpty { throw error }
            show(errors, env)
            throw .data("no action with ref '\(ref)' found, and the plans have errors; fix them first ('cyppctl check')")
        }
    }

    private static func failure(_ error: RateError, _ env: Environment) -> CommandError {
        switch error {
        case .lock(.busy): return .busy(error.description)
        case .lock, .write, .history: return .cannotWrite(error.description)
        case .input: return .input(error.description)
        case .invalidPlan(_, let d), .wouldBreak(_, let d):
            show(d, env)
            return .data(error.description)
        case .unknownRef(let r, _, let refs):
            return .data(error.description + (Suggest.closest(to: r, in: refs).map { "; did you mean '\($0)'?" } ?? ""))
        case .edit, .backdated: return .data(error.description)
        }
    }

    private static func show(_ diagnostics: [Diagnostic], _ env: Environment) {
        for d in diagnostics.prefix(20) { env.stderr.write(TextTable.terminalSafe(d.description) + "\n") }
        if diagnostics.count > 20 { env.stderr.write("… and \(diagnostics.count - 20) more errors\n") }
    }

    /// `3.8 progress: Amber → Green` per changed value, `(unchanged)` for the others.
    private static func report(_ result: RateResult, _ request: RatingRequest, _ env: Environment) {
        func shown(_ r: Rating?) -> String { r?.rawValue ?? "unrated" }
        let ref = TextTable.terminalSafe(request.ref)
        for path in result.removedTemps {
            env.stderr.write("cyppctl: note: removed '\(path)', left by a run that was interrupted while writing\n")
        }
        let asked: [(HistoryEntry.Field, Bool, Rating?)] = [
            (.progress, request.progress != nil, result.action.progress), (.impact, request.impact != nil, result.action.impact),
        ]
        for (field, wanted, now) in asked where wanted {
            if let e = result.recorded.first(where: { $0.field == field }) {
                env.stdout.write("\(ref) \(field): \(shown(e.oldRating)) → \(shown(now))\n")
            } else {
                env.stdout.write("\(ref) \(field): \(shown(now)) (unchanged)\n")
            }
        }
        if request.note != nil && result.noteSkipped == nil {
            let changed = result.recorded.contains { $0.field == .narrative }
            env.stdout.write("\(ref) narrative: \(changed ? "updated" : "unchanged")\n")
        }
        if let skip = result.noteSkipped {
            let why = skip == .shortRow
                ? "the row of \(ref) stops before the narrative column" : "\(ref)'s table has no narrative column"
            let kept = result.changedFile
                ? "the note is kept in the history only" : "nothing changed, so the note was not recorded"
            env.stderr.write("cyppctl: note: \(why); \(kept)\n")
        }
        if !result.changedFile { env.stdout.write("nothing changed; \(result.planPath) and its history were not written\n") }
        // `check` reads plans, not histories: these are shown here.
        for d in result.historyWarnings.prefix(5) { env.stderr.write(TextTable.terminalSafe(d.description) + "\n") }
        if result.historyWarnings.count > 5 { env.stderr.write("… and \(result.historyWarnings.count - 5) more; 'cyppctl history' lists them\n") }
        if !result.warnings.isEmpty {
            let n = result.warnings.count
            env.stderr.write("cyppctl: note: \(n) warning\(n == 1 ? "" : "s") in the plan; 'cyppctl check' lists them\n")
        }
    }
}
