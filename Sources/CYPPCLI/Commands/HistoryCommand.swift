import CYPPKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `cyppctl history [REF]`: the rating changes `rate` recorded beside the plans, oldest first.
enum HistoryCommand: Command {
    static let spec = CommandSpec(
        name: "history",
        abstract: "Show the rating changes recorded for the plans (or one action).",
        arguments: "[REF] [PLAN-FILE-OR-DIR ...]",
        options: [
            .value("--plan", "FILE", "Only this plan's history."),
            .value("--since", "DATE", "Only changes recorded on or after this day, YYYY-MM-DD."),
            .format(["table", "tsv", "json"]),
        ],
        discussion: """
            Reads PLAN.history.tsv beside each plan. A first argument that names an existing file
            or folder is a path; otherwise it is the REF of the action to show. --format tsv
            prints the history file's own format (header, escaped values); json adds a trend
            (up, down, same, none) to each rating change.
            """)

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        var positionals = args.positionals
        var ref: String?
        // A first argument that exists is a path; one that looks like a path (a slash, or a plan
        // file's extension) but does not exist is a typo to report, not a ref to look up.
        if let first = positionals.first, FilePath.kind(first) == .missing {
            let lower = first.lowercased()
            if first.contains("/") || lower.hasSuffix(".md") || lower.hasSuffix(".csv") {
                throw CommandError.input("\(first): no such file or directory")
            }
            ref = first
            positionals.removeFirst()
        }
        let since = try since(args)
        let paths = args.value("--plan").map { [$0] } ?? positionals
        let portfolio = try CommandSupport.load(paths)
        let (all, diagnostics) = HistoryFile.read(forPlans: portfolio.plans.map(\.path))
        for d in diagnostics { env.stderr.write(TextTable.terminalSafe(d.description) + "\n") }
        let entries = all.filter { e in
            (ref.map { e.ref == $0 } ?? true) && (since.map { day in e.day.map { $0 >= day } ?? false } ?? true)
        }
        switch args.value("--format") ?? "table" {
        case "tsv": env.stdout.write(HistoryRows.tsv(entries))
        case "json": env.stdout.write(HistoryRows.json(entries).rendered())
        default:
            if entries.isEmpty {
                let what = (ref.map { " for '\($0)'" } ?? "") + (since.map { " since \($0)" } ?? "")
                env.stderr.write("cyppctl: note: no rating changes recorded\(what)\n")
            } else {
                let plans = Set(entries.map(\.plan)).count
                env.stdout.write(HistoryRows.table(entries, showPlan: plans > 1, terminal: env.stdoutIsTerminal))
            }
        }
        return .ok
    }

    private static func since(_ args: ParsedArguments) throws(CommandError) -> Day? {
        guard let text = args.value("--since") else { return nil }
        guard let day = Day(iso: text) else { throw .usage(.invalidDate("--since", text), command: nil) }
        return day
    }
}
