import CYPPKit

/// What several commands do the same way: find plans, judge diagnostics, read dates.
enum CommandSupport {
    /// Reads the paths given, or ./plans; missing input is exit 66.
    static func load(_ paths: [String]) throws(CommandError) -> Portfolio {
        try inputs(paths) { (p) throws(InputError) in try PlanLoader.load(p) }
    }

    /// Streams the paths given, or ./plans, through `consumer`: the plans come back without actions.
    static func stream<C: PlanConsumer>(_ paths: [String], into consumer: inout C) throws(CommandError) -> Portfolio {
        try inputs(paths) { (p) throws(InputError) in try PlanLoader.stream(p, into: &consumer) }
    }

    private static func inputs(_ paths: [String], _ read: ([String]) throws(InputError) -> Portfolio) throws(CommandError) -> Portfolio {
        let paths = paths.isEmpty ? ["plans"] : paths
        do {
            return try read(paths)
        } catch {
            // Only when ./plans itself is missing, not a broken link inside it.
            if paths == ["plans"], case .missing("plans") = error {
                throw .input("no paths given and there is no ./plans folder here; name a plan file or folder")
            }
            throw .input(error.description)
        }
    }

    /// Loads and refuses plans with errors (printing them); warnings get a one-line note.
    static func loadClean(_ paths: [String], _ env: Environment) throws(CommandError) -> Portfolio {
        try refuseErrors(load(paths), env)
    }

    /// Streams, then refuses plans with errors as `loadClean` does; what the consumer kept is
    /// only used once the plans are known to be clean.
    @discardableResult
    static func streamClean<C: PlanConsumer>(_ paths: [String], into consumer: inout C, _ env: Environment) throws(CommandError) -> Portfolio {
        try refuseErrors(stream(paths, into: &consumer), env)
    }

    private static func refuseErrors(_ portfolio: Portfolio, _ env: Environment) throws(CommandError) -> Portfolio {
        let errors = portfolio.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            for d in errors.prefix(20) { env.stderr.write(TextTable.terminalSafe(d.description) + "\n") }
            if errors.count > 20 { env.stderr.write("… and \(errors.count - 20) more errors\n") }
            throw .data("the plans have \(errors.count) error\(errors.count == 1 ? "" : "s"); run 'cyppctl check' for all of them")
        }
        let warnings = portfolio.diagnostics.count
        if warnings > 0 {
            env.stderr.write("cyppctl: note: \(warnings) warning\(warnings == 1 ? "" : "s") in the plans; 'cyppctl check' lists them\n")
        }
        return portfolio
    }

    static func asOf(_ args: ParsedArguments, _ env: Environment) throws(CommandError) -> Day {
        guard let text = args.value("--as-of") else { return env.today }
        guard let day = Day(iso: text) else { throw .usage(.invalidDate("--as-of", text), command: nil) }
        return day
    }

    static func days(_ args: ParsedArguments, _ name: String) throws(CommandError) -> Int? {
        guard let text = args.value(name) else { return nil }
        guard let n = Int(text), n >= 0, n <= 100_000 else { throw .usage(.invalidNumber(name, text), command: nil) }
        return n
    }

    static func filter(_ args: ParsedArguments) throws(CommandError) -> ActionFilter {
        var filter = ActionFilter(owner: args.value("--owner"), outcome: args.value("--outcome"))
        if let r = args.value("--rating") {
            guard let parsed = ActionFilter.ratingFilter(r) else {
                throw .usage(.invalidValue("--rating", r, allowed: ["blue", "red", "amber", "green", "grey", "unrated"]), command: nil)
            }
            filter.rating = parsed
        }
        return filter
    }
}
