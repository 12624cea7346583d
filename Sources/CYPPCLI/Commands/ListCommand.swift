import CYPPKit

/// `cyppctl list`: the actions, filtered, as a table, JSON or CSV.
enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list",
        abstract: "List actions with their owner, due date and ratings.",
        options: [
            .value("--owner", "TEXT", "Only actions whose owner contains TEXT (case-insensitive)."),
            .value("--outcome", "REF|TEXT", "Only actions of the outcome with this ref, or whose title contains TEXT."),
            .value("--rating", "RATING", "Only actions with this Progress rating: blue, red, amber, green, grey or unrated."),
            .format(["table", "json", "csv"]),
        ])

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        let filter = try CommandSupport.filter(args)
        let portfolio = try CommandSupport.loadClean(args.positionals, env)
        let rows = portfolio.plans.flatMap { plan in
            plan.allActions.filter { filter.matches($0.action, in: $0.outcome) }.map { (plan, $0.outcome, $0.action) }
        }
        switch args.value("--format") ?? "table" {
        case "json":
            env.stdout.write(JSONValue.array(rows.map { ModelJSON.action($2, outcome: $1, plan: $0) }).rendered())
        case "csv":
            env.stdout.write(ActionRows.csvHeader)
            for (plan, outcome, action) in rows { env.stdout.write(ActionRows.csv(action, outcome: outcome, plan: plan)) }
        default:
            env.stdout.write(ActionRows.table(rows, showPlan: portfolio.plans.count > 1, width: env.terminalWidth))
        }
        return .ok
    }
}
