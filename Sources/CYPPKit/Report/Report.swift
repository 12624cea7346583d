/// The board-meeting progress paper as data: every figure computed once, here, from a
/// portfolio, the as-of day and the history. One renderer per format prints it.
public struct Report: Sendable {
    public struct Options: Sendable {
        public var asOf: Day
        /// "Due soon" means a deadline from the as-of day to this many days after it.
        public var horizon: Int
        /// The last meeting: rating changes are counted from this day (inclusive).
        public var since: Day?

        public init(asOf: Day, horizon: Int = 90, since: Day? = nil) {
            self.asOf = asOf
            self.horizon = horizon
            self.since = since
        }
    }

    public let title: String
    public let options: Options
    /// The board every plan names, when they agree.
    public let board: String?
    public let plans: [ReportPlan]
    public let figures: Figures
    public let outcomes: [ReportOutcome]
    /// Every action in plan order.
    public let actions: [ReportAction]
    /// Actions with a reason to discuss, most serious first, each once.
    public let exceptions: [ReportAction]
    public let owners: [ReportOwner]
    public let changes: ReportChanges

    /// `history` maps a plan path to its history entries (see `HistoryFile.read(forPlan:)`).
    public init(portfolio: Portfolio, options: Options, history: [String: [HistoryEntry]] = [:]) {
        self.options = options
        var plans: [ReportPlan] = []
        var outcomes: [ReportOutcome] = []
        var actions: [ReportAction] = []
        for source in portfolio.plans {
            var plan = ReportPlan(source)
            plan.hasHistory = !(history[source.path] ?? []).isEmpty
            var planActions: [ReportAction] = []  // counted for the plan's figures, then given them
            var planOutcomes: [(Outcome, [ReportAction])] = []
            for outcome in source.outcomes {
                let rows = outcome.actions.map {
                    ReportAction(
                        plan: plan, outcome: outcome, action: $0, owners: portfolio.owners,
                        asOf: options.asOf, horizon: options.horizon)
                }
                planOutcomes.append((outcome, rows))
                planActions += rows
            }
            plan.figures = Figures(planActions)
            plans.append(plan)
            for (outcome, rows) in planOutcomes {
                let rows = rows.map { row in
                    var row = row
                    row.plan = plan
                    return row
                }
                outcomes.append(
                    ReportOutcome(plan: plan, ref: outcome.ref, title: outcome.title, figures: Figures(rows), actions: rows))
                actions += rows
            }
        }
        self.plans = plans
        self.outcomes = outcomes
        self.actions = actions
        figures = Figures(actions)
        // Sort small keys, not the actions: most serious reason first, then plan order.
        let keys = actions.indices.compactMap { i -> (severity: Int, index: Int)? in
            actions[i].reasons.map(\.severity).min().map { ($0, i) }
        }
        exceptions = keys.sorted { $0 < $1 }.map { actions[$0.index] }
        owners = ReportOwner.summaries(actions)
        changes = ReportChanges(actions: actions, plans: plans, history: history, since: options.since, asOf: options.asOf)
        let boards = Set(plans.compactMap(\.board))
        board = boards.count == 1 ? boards.first : nil
        title = plans.count == 1 ? plans[0].title : "Progress report: \(plans.count) plans"
    }

    /// Several plans: tables name each action's plan, and the per-plan breakdown is shown.
    public var isPortfolio: Bool { plans.count > 1 }

    /// The last day that counts as "due soon".
    public var horizonEnd: Day { options.asOf.adding(days: options.horizon) }
}

extension Report {
    /// Reads the history file beside each plan. Malformed lines come back as diagnostics.
    public static func history(for portfolio: Portfolio) -> (entries: [String: [HistoryEntry]], diagnostics: [Diagnostic]) {
        var entries: [String: [HistoryEntry]] = [:]
        var diagnostics: [Diagnostic] = []
        for plan in portfolio.plans {
            let read = HistoryFile.read(forPlan: plan.path)
            entries[plan.path] = read.entries
            diagnostics += read.diagnostics
        }
        return (entries, diagnostics)
    }
}
