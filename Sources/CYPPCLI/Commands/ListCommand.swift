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
        let format = args.value("--format") ?? "table"
        guard format != "table" else {
            // A table needs every row to size its columns; people list hundreds, not millions.
            let portfolio = try CommandSupport.loadClean(args.positionals, env)
            var filter = filter
            filter.owners = portfolio.owners
            let rows = portfolio.plans.flatMap { plan in
                plan.allActions.filter { filter.matches($0.action, in: $0.outcome) }.map { (plan, $0.outcome, $0.action) }
            }
            env.stdout.write(ActionRows.table(rows, showPlan: portfolio.plans.count > 1, width: env.terminalWidth))
            return .ok
        }
        // JSON and CSV stream: one pass refuses plans with errors before anything is printed,
        // a second writes each action as it is read, so memory stays flat for any plan size.
        var validate = CheckCommand.Counter()
        try CommandSupport.streamClean(args.positionals, into: &validate, env)
        var emit = Emitter(filter: filter, json: format == "json", out: env.stdout)
        _ = try CommandSupport.stream(args.positionals, into: &emit)
        emit.finish()
        return .ok
    }

    /// Writes each matching action the moment the reader hands it over.
    private struct Emitter: PlanConsumer {
        var filter: ActionFilter
        let json: Bool
        let out: TextOutput
        private var array = JSONArrayWriter()
        /// One action's text, reused: JSON goes out as bytes, with no String in between.
        private var buffer: [UInt8] = []

        init(filter: ActionFilter, json: Bool, out: TextOutput) {
            self.filter = filter
            self.json = json
            self.out = out
            if !json { out.write(ActionRows.csvHeader) }
        }

        mutating func begin(plan path: String, owners: OwnerDirectory) { filter.owners = owners }

        mutating func consume(_ action: Action, outcome: Int, in plan: Plan) {
            let o = plan.outcomes[outcome]
            guard filter.matches(action, in: o) else { return }
            let plan = plan.titledFromFileIfUntitled
            guard json else { return out.write(ActionRows.csv(action, outcome: o, plan: plan)) }
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: array.separator().utf8)
            ModelJSON.action(action, outcome: o, plan: plan).append(to: &buffer, indent: 2)
            buffer.withUnsafeBytes { out.write(bytes: $0) }
        }

        func finish() {
            if json { out.write(array.end()) }
        }
    }
}
