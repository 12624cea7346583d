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
    /// Every action in plan order: the one array of rows, which outcomes, exceptions and
    /// stale actions refer into.
    public let actions: [ReportAction]
    /// Actions with a reason to discuss, most serious first, each once.
    public let exceptions: ReportRows
    public let owners: [ReportOwner]
    public let changes: ReportChanges

    /// `history` maps a plan path to its history entries (see `HistoryFile.read(forPlan:)`).
    public init(portfolio: Portfolio, options: Options, history: [String: [HistoryEntry]] = [:]) {
        self.options = options
        var plans: [ReportPlan] = []
        var outcomes: [ReportOutcome] = []
        var ranges: [Range<Int>] = []
        var actions: [ReportAction] = []
        actions.reserveCapacity(portfolio.plans.reduce(0) { $0 + $1.outcomes.reduce(0) { $0 + $1.actions.count } })
        var people = PersonCache(portfolio.owners)
        var figures = Figures()
        // One pass: each row is counted into its outcome's figures, and those add up to the
        // plan's and the report's.
        for source in portfolio.plans {
            var plan = ReportPlan(source)
            plan.hasHistory = !(history[source.path] ?? []).isEmpty
            for outcome in source.outcomes {
                let first = actions.count
                var counted = Figures()
                for action in outcome.actions {
                    let row = ReportAction(
                        planIndex: plans.count, outcomeIndex: outcomes.count, action: action,
                        person: people.person(for: action.owner), asOf: options.asOf, horizon: options.horizon)
                    counted.add(row)
                    actions.append(row)
                }
                plan.figures.add(counted)
                outcomes.append(
                    ReportOutcome(planIndex: plans.count, ref: outcome.ref, title: outcome.title, figures: counted, actions: []))
                ranges.append(first..<actions.count)
            }
            figures.add(plan.figures)
            plans.append(plan)
        }
        // Slices only once the array is complete: a slice taken while it still grew would
        // make the next append copy every row.
        for i in outcomes.indices { outcomes[i].actions = actions[ranges[i]] }
        self.plans = plans
        self.outcomes = outcomes
        self.actions = actions
        self.figures = figures
        // Sort small keys, not the actions: most serious reason first, then plan order.
        var keys: [(severity: Int, index: Int)] = []
        for i in actions.indices where !actions[i].reasons.isEmpty {
            keys.append((actions[i].reasons.map(\.severity).min() ?? 0, i))
        }
        exceptions = ReportRows(actions, positions: keys.sorted { $0 < $1 }.map(\.index))
        owners = ReportOwner.summaries(actions)
        changes = ReportChanges(actions: actions, plans: plans, history: history, since: options.since, asOf: options.asOf)
        let boards = Set(plans.compactMap(\.board))
        board = boards.count == 1 ? boards.first : nil
        title = plans.count == 1 ? plans[0].title : "Progress report: \(plans.count) plans"
    }

    /// The plan an action or outcome belongs to.
    public func plan(of action: ReportAction) -> ReportPlan { plans[action.planIndex] }
    public func plan(of outcome: ReportOutcome) -> ReportPlan { plans[outcome.planIndex] }

    /// The outcome an action belongs to.
    public func outcome(of action: ReportAction) -> ReportOutcome { outcomes[action.outcomeIndex] }

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
