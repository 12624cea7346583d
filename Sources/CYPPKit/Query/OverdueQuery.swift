/// One line of `cyppctl overdue`: an action's deadline, or a milestone's own, that has
/// passed (or, with `--within`, is coming up) while the action is not Blue.
public struct OverdueRow: Equatable, Sendable {
    public enum Status: String, Sendable {
        case overdue
        case dueSoon = "due-soon"
    }

    /// The plan file's path as read, the same text `show --plan` accepts.
    public let plan: String
    public let ref: String
    /// 1-based milestone number (as `show` numbers them) for a milestone's own deadline.
    public let milestone: Int?
    public let outcome: String
    /// The action's text, or for a milestone row the milestone's (the action's if blank).
    public let text: String
    /// The owner cell as written: the milestone's own, else the action's.
    public let owner: String?
    /// The owner resolved through the owners file, as `owners` lists people.
    public let person: Person?
    public let due: String
    public let deadline: Day
    /// Days past the deadline: positive when overdue, 0 or negative when due soon.
    public let daysOverdue: Int
    public let progress: Rating?
    public let impact: Rating?

    public var status: Status { daysOverdue > 0 ? .overdue : .dueSoon }
}

/// What `overdue` lists, judged by the one rule in `DueStatus`.
public struct OverdueQuery: Sendable {
    public var asOf: Day
    /// Also list deadlines from `asOf` up to this many days ahead; nil lists only overdue ones.
    public var within: Int?
    /// Case-insensitive substring of the owner cell or of the person it resolves to.
    public var owner: String? { didSet { wanted = Wanted(owner: owner, outcome: outcome, person: person) } }
    /// An outcome ref, or a substring of its title (as `list --outcome`).
    public var outcome: String? { didSet { wanted = Wanted(owner: owner, outcome: outcome, person: person) } }
    /// Exactly this person (case-insensitive), as `owners` names them: what a mail per person needs,
    /// where the `owner` substring would also pick up "Ann Leeming" for "Ann Lee".
    public var person: String? { didSet { wanted = Wanted(owner: owner, outcome: outcome, person: person) } }
    /// The three filters as they are compared, worked out once: normalised (and an outcome's
    /// text parsed) for every row, they cost `overdue --person` or `--outcome` more than the
    /// rows they left out saved.
    private var wanted: Wanted

    private struct Wanted: Sendable {
        let owner: String?
        let outcome: OutcomeMatch?
        let person: String?

        init(owner: String?, outcome: String?, person: String?) {
            self.owner = owner?.lowercased()
            self.outcome = outcome.map(OutcomeMatch.init)
            self.person = person?.collapsingWhitespace().lowercased()
        }
    }

    public init(asOf: Day, within: Int? = nil, owner: String? = nil, outcome: String? = nil, person: String? = nil) {
        self.asOf = asOf
        self.within = within
        self.owner = owner
        self.outcome = outcome
        self.person = person
        wanted = Wanted(owner: owner, outcome: outcome, person: person)
    }

    /// Most overdue first, then by plan, ref (numerically: 1.2 before 1.10) and milestone.
    public func rows(in portfolio: Portfolio) -> [OverdueRow] {
        let people = PersonIndex(portfolio)
        var rows: [OverdueRow] = []
        for plan in portfolio.plans {
            for (outcome, action) in plan.allActions { rows += self.rows(for: action, outcome: outcome, plan: plan, people: people) }
        }
        return Self.sorted(rows)
    }

    /// Rows in `order`, ties as given. Row numbers are sorted, not rows, and compared through
    /// pointers: sorting the rows, or passing them to a comparison, copied two rows a
    /// comparison (a dozen strings retained and released each time).
    static func sorted(_ rows: [OverdueRow]) -> [OverdueRow] {
        rows.withUnsafeBufferPointer { rows in
            guard let base = rows.baseAddress else { return [] }
            return rows.indices.sorted { order(base + $0, base + $1) }.map { rows[$0] }
        }
    }

    /// The rows one action contributes (its own deadline and its milestones'), unsorted.
    public func rows(for action: Action, outcome: Outcome, plan: Plan, people: PersonIndex) -> [OverdueRow] {
        var rows: [OverdueRow] = []
        forEachRow(for: action, outcome: outcome, plan: plan, people: people) { rows.append($0) }
        return rows
    }

    /// The same rows one at a time: a streaming reader asks this of every action, and an
    /// array for each was a cost of every action.
    public func forEachRow(for action: Action, outcome: Outcome, plan: Plan, people: PersonIndex, _ body: (OverdueRow) -> Void) {
        guard listsRows(of: outcome) else { return }
        forEachRow(for: action, outcomeRef: outcome.ref, plan: plan, people: people, body)
    }

    /// False when `--outcome` leaves this outcome's actions out. The outcome test alone, made
    /// once an action: a whole filter (and its owners directory) an action cost more.
    func listsRows(of outcome: Outcome) -> Bool {
        wanted.outcome.map { $0.matches(outcome) } ?? true
    }

    /// The rows of an action whose outcome `listsRows`, given that outcome's ref.
    func forEachRow(for action: Action, outcomeRef: String, plan: Plan, people: PersonIndex, _ body: (OverdueRow) -> Void) {
        // The index is called, not taken as a method value: that copied it for each action.
        action.forEachDueItem { item in
            guard let days = daysOverdue(item, progress: action.progress) else { return }
            let person = item.owner.map { people.person(for: $0) }
            guard ownerMatches(item.owner, person) else { return }
            body(row(item, of: action, days: days, person: person, outcomeRef: outcomeRef, plan: plan))
        }
    }

    private func daysOverdue(_ item: DueItem, progress: Rating?) -> Int? {
        switch DueStatus.of(deadline: item.deadline, progress: progress, asOf: asOf, horizon: within ?? 0) {
        case .overdue(let days): return days
        case .dueSoon(let days) where within != nil: return -days
        default: return nil
        }
    }

    private func ownerMatches(_ owner: String?, _ person: Person?) -> Bool {
        if let exact = wanted.person, person?.name.collapsingWhitespace().lowercased() != exact { return false }
        guard let want = wanted.owner else { return true }
        guard let owner, let person else { return false }
        return owner.containsIgnoringCase(lowercased: want) || person.name.containsIgnoringCase(lowercased: want)
    }

    private func row(_ item: DueItem, of action: Action, days: Int, person: Person?, outcomeRef: String, plan: Plan) -> OverdueRow {
        var text = action.text
        if let n = item.milestone, n - 1 < action.milestones.count, !action.milestones[n - 1].text.isEmpty {
            text = action.milestones[n - 1].text
        }
        return OverdueRow(plan: plan.path, ref: action.ref, milestone: item.milestone, outcome: outcomeRef,
                          text: text, owner: item.owner, person: person, due: item.due.text, deadline: item.deadline,
                          daysOverdue: days, progress: action.progress, impact: action.impact)
    }

    static func order(_ a: UnsafePointer<OverdueRow>, _ b: UnsafePointer<OverdueRow>) -> Bool {
        if a.pointee.daysOverdue != b.pointee.daysOverdue { return a.pointee.daysOverdue > b.pointee.daysOverdue }
        if a.pointee.plan != b.pointee.plan { return a.pointee.plan < b.pointee.plan }
        if a.pointee.ref != b.pointee.ref { return refOrder(a.pointee.ref, b.pointee.ref) }
        return (a.pointee.milestone ?? 0) < (b.pointee.milestone ?? 0)
    }

    /// Refs compare as numbers where they hold digits, so 1.2 comes before 1.10.
    static func refOrder(_ a: String, _ b: String) -> Bool {
        NaturalOrder.compare(a, b) < 0
    }
}
