import CYPPKit

/// `cyppctl check`: every problem in every plan, as `file:line:col: severity: message`.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Validate plan files and report every problem found.",
        options: [.format(["text", "json"])],
        discussion: """
            Diagnostics go to stderr as FILE:LINE:COL: error|warning: MESSAGE [CODE]; with
            --format json, a JSON array of them goes to stdout. Exit 0 when no errors (warnings
            allowed), 65 when any plan has errors, 66 when a path does not exist.
            """)

    /// Counts actions and keeps nothing else, so checking a huge plan needs little memory.
    struct Counter: PlanConsumer {
        var actions = 0
        /// Nothing is checked in narratives or extra columns.
        var reads: ActionParts { [] }
        mutating func consume(_ action: Action, outcome: Int, in plan: Plan) { actions += 1 }
        func laterPart(plan path: String) -> Counter? { Counter() }
        mutating func absorb(_ later: consuming Counter) -> Bool {
            actions += later.actions
            return true
        }
    }

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        var counter = Counter()
        let portfolio = try CommandSupport.stream(args.positionals, into: &counter)
        let diagnostics = portfolio.diagnostics.sorted {
            ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if args.value("--format") == "json" {
            env.stdout.write(JSONValue.array(diagnostics.map(ModelJSON.diagnostic)).rendered())
            return errors > 0 ? .dataError : .ok
        }
        for d in diagnostics { env.stderr.write(TextTable.terminalSafe(d.description) + "\n") }
        let actions = counter.actions
        let summary = "\(portfolio.plans.count) plan\(portfolio.plans.count == 1 ? "" : "s"), \(actions) action\(actions == 1 ? "" : "s"): "
            + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        if errors > 0 {
            env.stderr.write("check: " + summary)
            return .dataError
        }
        env.stdout.write("ok: " + summary)
        return .ok
    }
}
