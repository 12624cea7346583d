/// "What changed since the last meeting": rating changes from the history files whose day
/// falls in the window `since ... asOf`, and the open actions nobody re-rated in it.
public struct ReportChanges: Sendable {
    public enum State: String, Sendable {
        /// No plan has a history file yet (`rate` has never been used).
        case noHistory = "no-history"
        /// There is history, but no `--since` day to measure from.
        case noSince = "no-since"
        case ready
    }

    public let state: State
    public let since: Day?
    /// One per action and rating field whose value differs across the window, in plan order.
    public let changes: [ReportChange]
    /// Open (not Blue) actions with no Progress or Impact entry in the window, in plan order,
    /// from plans that have history.
    public let stale: ReportRows
    /// Labels of plans with no history, whose actions are therefore not judged stale.
    public let plansWithoutHistory: [String]

    /// `history` maps a plan path to its entries in file (append) order.
    init(actions: [ReportAction], plans: [ReportPlan], history: [String: [HistoryEntry]], since: Day?, asOf: Day) {
        self.since = since
        plansWithoutHistory = plans.filter { !$0.hasHistory }.map(\.label)
        guard plans.contains(where: \.hasHistory) else {
            (state, changes, stale) = (.noHistory, [], ReportRows(actions, positions: []))
            return
        }
        guard let since else {
            (state, changes, stale) = (.noSince, [], ReportRows(actions, positions: []))
            return
        }
        state = .ready
        var found: [ReportChange] = []
        // Rated actions as (plan index, ref): the plan's index stands for its path.
        var rated: [Set<String>] = Array(repeating: [], count: plans.count)
        for (p, plan) in plans.enumerated() where plan.hasHistory {
            // The window's grouping is the history's own (RatingChanges.since); the report adds
            // the plan's current action and drops ratings that ended where they started.
            let planActions = actions.filter { $0.planIndex == p }
            for change in RatingChanges.since(since, through: asOf, entries: history[plan.path] ?? []) {
                rated[p].insert(change.ref)
                let from = change.earliest.old
                let to = change.latest.new
                guard from.collapsingWhitespace().lowercased() != to.collapsingWhitespace().lowercased() else { continue }
                found.append(
                    ReportChange(
                        plan: plan, ref: change.ref, action: planActions.first { $0.action.ref == change.ref },
                        field: change.field, from: from, to: to, entries: change.count, last: change.latest))
            }
        }
        let position = Dictionary(
            actions.enumerated().map { (plans[$0.element.planIndex].path + "\t" + $0.element.action.ref, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        changes = found.sorted { a, b in
            let pa = position[a.plan.path + "\t" + a.ref] ?? Int.max
            let pb = position[b.plan.path + "\t" + b.ref] ?? Int.max
            return pa != pb ? pa < pb : (a.field == .progress && b.field != .progress)
        }
        stale = ReportRows(
            actions,
            positions: actions.indices.filter { i in
                let a = actions[i]
                return plans[a.planIndex].hasHistory && !a.action.isComplete && !rated[a.planIndex].contains(a.action.ref)
            })
    }
}

/// One rating's move across the window: its value before the window to its latest value.
public struct ReportChange: Sendable {
    public enum Direction: String, Sendable {
        /// Up the Red < Amber < Green < Blue scale.
        case up
        case down
        /// To or from Grey, unrated or an unknown value: not on the scale.
        case aside
    }

    public let plan: ReportPlan
    public let ref: String
    /// The action as the plan has it now; nil if the ref is no longer in the plan.
    public let action: ReportAction?
    public let field: HistoryEntry.Field
    /// As recorded; empty means unrated.
    public let from: String
    public let to: String
    /// How many history entries the window holds for this action and field.
    public let entries: Int
    /// The latest entry: when, by whom, with what note.
    public let last: HistoryEntry

    public var fromRating: Rating? { Self.rating(from) }
    public var toRating: Rating? { Self.rating(to) }

    public var direction: Direction {
        guard let a = fromRating?.rank, let b = toRating?.rank, a != b else { return .aside }
        return b > a ? .up : .down
    }

    /// A recorded value as a rating; nil for blank, "unrated" or anything unknown.
    static func rating(_ text: String) -> Rating? {
        if case .success(let r) = Rating.parse(text) { return r }
        return nil
    }

    /// "unrated" for a blank value, else the value as recorded.
    public static func display(_ text: String) -> String {
        let t = text.collapsingWhitespace()
        return t.isEmpty ? "unrated" : t
    }
}
