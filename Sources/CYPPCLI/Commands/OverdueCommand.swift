import CYPPKit

/// `cyppctl overdue`: deadlines past (or coming up) on actions not yet Blue, for cron and CI.
enum OverdueCommand: Command {
    static let spec = CommandSpec(
        name: "overdue",
        abstract: "List actions and milestones past their deadline and not Blue.",
        options: [
            .asOf,
            .value("--owner", "TEXT", "Only rows whose owner, or the person it resolves to, contains TEXT (case-insensitive)."),
            .value("--person", "NAME", "Only rows of exactly this person, as 'owners' names them (case-insensitive); warns if nobody is."),
            .value("--outcome", "REF|TEXT", "Only actions of the outcome with this ref, or whose title contains TEXT."),
            .value("--within", "DAYS", "Also list deadlines from the as-of date to DAYS days ahead (status due-soon)."),
            .format(["table", "tsv", "csv", "json"]),
            .flag("--no-header", "Leave out the header line (table, tsv, csv)."),
            .flag("--exit-code", "Exit 1 when anything is overdue (due-soon rows alone still exit 0)."),
        ],
        discussion: """
            Columns (tsv and csv in this order; json keys alphabetical): plan, ref, milestone, outcome, action,
            owner, due, deadline, days_overdue, status, progress, impact, person. A milestone with
            its own due date is a row of its own: its action's ref and its number (the table shows
            3.8 m2). Sorted by days overdue (most first), then plan, ref and milestone.
            Exit 0 whether or not anything is overdue; with --exit-code, 1 when something is.
            64 usage, 65 a plan has errors, 66 a path does not exist, 74 the temporary file that
            sorts a long listing, or the listing itself, cannot be written.
            """)

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        let query = OverdueQuery(asOf: try CommandSupport.asOf(args, env), within: try CommandSupport.days(args, "--within"),
                                 owner: args.value("--owner"), outcome: args.value("--outcome"), person: args.value("--person"))
        let format = RecordFormat(rawValue: args.value("--format") ?? "table")
        // Each row is kept as its rendered line (or its table cells, padded as printed), sorted,
        // and printed straight from the sorter: memory stays flat for any number of rows.
        let keep = format.map { OverdueCollector.Keep.lines(RecordLine(columns: OverdueRendering.columns, format: $0)) }
            ?? .table(terminal: env.stdoutIsTerminal, width: env.terminalWidth)
        var collector = OverdueCollector(query: query, keep: keep)
        try CommandSupport.streamClean(args.positionals, into: &collector, env)
        collector.finishKeeping()
        let header = !args.flag("--no-header")
        // A failed run prints nothing on stdout, not even a header.
        if let failure = collector.spillError { throw CommandError.ioError(failure.description) }
        // A mistyped name in a mail-per-person script would otherwise read as "nothing overdue".
        if let name = query.person, !collector.knowsPerson(named: name) {
            env.stderr.write("cyppctl: warning: no action in the plans is owned by '\(name)'; 'cyppctl owners' lists the people\n")
        }
        if let format {
            var stream = RecordStream(columns: OverdueRendering.columns, format: format, header: header, write: env.stdout.write(bytes:))
            do throws(SpillError) { try collector.forEachLine { stream.add(rendered: $0) } } catch {
                throw CommandError.ioError(error.description)
            }
            stream.finish()
        } else if collector.count == 0 {
            if header { env.stdout.write(nothing(query)) }
        } else {
            do throws(SpillError) { try collector.writeTable(header: header, colour: env.useColour, to: env.stdout.write(bytes:)) } catch {
                throw CommandError.ioError(error.description)
            }
        }
        return args.flag("--exit-code") && collector.foundOverdue ? .found : .ok
    }

    private static func nothing(_ query: OverdueQuery) -> String {
        let soon = query.within.map { " or due within \($0) day\($0 == 1 ? "" : "s")" } ?? ""
        return "nothing overdue\(soon) as of \(query.asOf)\n"
    }
}
