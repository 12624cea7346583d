import CYPPKit

/// `cyppctl report`: the board-meeting progress paper in text, Markdown, HTML, JSON or CSV.
enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report",
        abstract: "Write the progress report for a board meeting.",
        options: [
            .asOf,
            .value("--horizon", "DAYS", "Count actions due within DAYS of the as-of date as due soon.", default: "90"),
            .value("--since", "DATE", "The last meeting, YYYY-MM-DD: rating changes from the history since then."),
            .format(["text", "md", "html", "json", "csv"]),
            .value("--out", "FILE", "Write the report to FILE (atomically) instead of stdout."),
        ],
        discussion: """
            Headline figures, a section per outcome, the exceptions (Red, Amber, overdue, unrated
            past due), rating changes since --since from the history files, and a by-owner summary.
            Several plans, or a folder, give one combined report with a per-plan breakdown.

            Examples:
              cyppctl report --since 2025-06-01
              cyppctl report --format html --out board-paper.html plans
              cyppctl report --format csv > actions.csv

            Exit 0 on success, 64 for bad options, 65 when a plan has errors, 66 when a path is
            missing, 73 when --out cannot be written.
            """)

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        let asOf = try CommandSupport.asOf(args, env)
        let horizon = try CommandSupport.days(args, "--horizon") ?? 90
        var since: Day?
        if let text = args.value("--since") {
            guard let day = Day(iso: text) else { throw CommandError.usage(.invalidDate("--since", text), command: nil) }
            guard day <= asOf else {
                throw CommandError.usage(.other("'--since \(text)' is after the as-of date \(asOf); give the last meeting's date"), command: nil)
            }
            since = day
        }
        let report = try makeReport(args, env, Report.Options(asOf: asOf, horizon: horizon, since: since))
        let out = args.value("--out")
        let format = args.value("--format") ?? out.flatMap(formatFromExtension) ?? "text"
        guard let out else {
            // Straight to stdout in pieces as they are rendered: the whole report is never one string.
            let write: (String) -> Void = env.stdout.write
            switch format {
            case "html": HTMLReport.render(report, to: write)
            case "json": JSONReport.render(report, to: write)
            case "md": MarkdownReport.render(report, to: write)
            case "csv": CSVReport.render(report, to: write)
            default: write(render(report, format: format, terminal: env.stdoutIsTerminal, colour: env.useColour))
            }
            return .ok
        }
        // A file is written whole, then renamed over FILE (OutputFile), so it is rendered whole.
        try OutputFile.write(render(report, format: format, terminal: false, colour: false), to: out)
        env.stderr.write("report: wrote \(out)\n")
        return .ok
    }

    /// The plans are read here and dropped on return: the report keeps what it prints.
    private static func makeReport(_ args: ParsedArguments, _ env: Environment, _ options: Report.Options) throws -> Report {
        let portfolio = try CommandSupport.loadClean(args.positionals, env)
        let history = Report.history(for: portfolio)
        for d in history.diagnostics { env.stderr.write(TextTable.terminalSafe(d.description) + "\n") }
        return Report(portfolio: portfolio, options: options, history: history.entries)
    }

    private static func render(_ report: Report, format: String, terminal: Bool, colour: Bool) -> String {
        switch format {
        case "md": MarkdownReport.render(report)
        case "html": HTMLReport.render(report)
        case "json": JSONReport.render(report)
        case "csv": CSVReport.render(report)
        default: TextReport(colour: colour, shorten: terminal).render(report)
        }
    }

    /// `--out paper.html` means HTML when no `--format` says otherwise.
    static func formatFromExtension(_ path: String) -> String? {
        switch FilePath.name(of: path).split(separator: ".").last?.lowercased() {
        case "html", "htm": "html"
        case "md", "markdown": "md"
        case "json": "json"
        case "csv": "csv"
        case "txt": "text"
        default: nil
        }
    }
}
