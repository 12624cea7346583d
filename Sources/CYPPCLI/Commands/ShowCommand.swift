import CYPPKit

/// `cyppctl show REF`: one action in full, milestones and extra fields included.
enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show one action in full.",
        arguments: "REF [PLAN-FILE-OR-DIR ...]",
        options: [
            .value("--plan", "FILE", "The plan to look in when REF exists in several."),
            .format(["table", "json", "csv"]),
        ],
        minPositionals: 1)

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        let ref = args.positionals[0]
        let paths = args.value("--plan").map { [$0] } ?? Array(args.positionals.dropFirst())
        let portfolio = try CommandSupport.loadClean(paths, env)
        let (plan, outcome, action) = try RefLookup.find(ref, in: portfolio)
        switch args.value("--format") ?? "table" {
        case "json": env.stdout.write(ModelJSON.action(action, outcome: outcome, plan: plan).rendered())
        case "csv": env.stdout.write(ActionRows.csvHeader + ActionRows.csv(action, outcome: outcome, plan: plan))
        default: env.stdout.write(ActionDetail.render(action, outcome: outcome, plan: plan))
        }
        return .ok
    }
}

/// Finding an action by ref across plans; ambiguity is an error naming the candidates.
enum RefLookup {
    static func find(_ ref: String, in portfolio: Portfolio) throws(CommandError) -> (Plan, Outcome, Action) {
        let matches = portfolio.plans.compactMap { plan in plan.action(ref: ref).map { (plan, $0.outcome, $0.action) } }
        switch matches.count {
        case 1: return matches[0]
        case 0:
            let refs = portfolio.plans.flatMap { $0.allActions.map(\.action.ref) }
            let hint = Suggest.closest(to: ref, in: refs).map { "; did you mean '\($0)'?" } ?? ""
            throw .data("no action with ref '\(ref)' in \(portfolio.plans.map(\.path).joined(separator: ", "))\(hint)")
        default:
            throw .data("ref '\(ref)' is in several plans: \(matches.map { $0.0.path }.joined(separator: ", ")); choose one with --plan FILE")
        }
    }
}
