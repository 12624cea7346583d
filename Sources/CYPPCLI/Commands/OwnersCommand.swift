import CYPPKit

/// `cyppctl owners`: one row per person named as an owner, with how their actions stand.
enum OwnersCommand: Command {
    static let spec = CommandSpec(
        name: "owners",
        abstract: "List the people who own actions, with open, overdue and Red counts.",
        options: [
            .asOf,
            .format(["table", "tsv", "csv", "json"]),
            .flag("--no-header", "Leave out the header line (table, tsv, csv)."),
        ],
        discussion: """
            Owner cells are grouped by their name part (before the first comma or spaced dash)
            and, when the plans folder has an owners.csv (Alias,Person,Email), by the person it
            maps them to. Columns (tsv, csv and json keys): person, email, actions, open, overdue,
            red. overdue counts the rows 'cyppctl overdue' lists for the person, milestones they
            own included. A row with an empty person counts actions that name no owner.
            """)

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        let asOf = try CommandSupport.asOf(args, env)
        let portfolio = try CommandSupport.loadClean(args.positionals, env)
        let summaries = OwnerSummary.summaries(of: portfolio, asOf: asOf)
        let header = !args.flag("--no-header")
        switch args.value("--format") ?? "table" {
        case "tsv": env.stdout.write(OwnersRendering.records(summaries).tsv(header: header))
        case "csv": env.stdout.write(OwnersRendering.records(summaries).csv(header: header))
        case "json": env.stdout.write(OwnersRendering.records(summaries).json().rendered())
        default: env.stdout.write(OwnersRendering.table(summaries, header: header, width: env.terminalWidth))
        }
        return .ok
    }
}
