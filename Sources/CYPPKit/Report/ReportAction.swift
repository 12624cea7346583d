/// One action as the report sees it: where it sits, who owns it, where its deadline stands
/// on the as-of day, and why (if at all) it is an exception.
public struct ReportAction: Sendable {
    /// Where the action sits: `Report.plans[planIndex]`, `Report.outcomes[outcomeIndex]`.
    /// Indices, not copies: a copy of the plan (its strings and figures) in every row made
    /// each row several times larger and every copy of it several times slower.
    public let planIndex: Int
    public let outcomeIndex: Int
    public let action: Action
    /// Who the owner cell names (through `owners.csv` when there is one); nil when blank.
    public let person: Person?
    /// `.complete` for every Blue action; otherwise `Action.status(asOf:horizon:)`.
    public let status: DueStatus
    public let overdueMilestones: [OverdueMilestone]
    /// Empty unless the action belongs in the exceptions list; most serious first.
    public let reasons: [ExceptionReason]

    init(planIndex: Int, outcomeIndex: Int, action: Action, person: Person?, asOf: Day, horizon: Int) {
        self.planIndex = planIndex
        self.outcomeIndex = outcomeIndex
        self.action = action
        self.person = person
        status = action.isComplete ? .complete : action.status(asOf: asOf, horizon: horizon)
        // Most actions have no milestone with a date of its own: skip `dueItems`, which
        // builds an array of items that each hold a copy of the action.
        if action.milestones.contains(where: { $0.due?.deadline != nil }) {
            overdueMilestones = action.dueItems.compactMap { item in
                guard let number = item.milestone,
                    case .overdue(let days) = DueStatus.of(
                        deadline: item.deadline, progress: action.progress, asOf: asOf, horizon: horizon),
                    number - 1 < action.milestones.count
                else { return nil }
                return OverdueMilestone(
                    number: number, text: action.milestones[number - 1].text, due: item.due.text, days: days, owner: item.owner)
            }
        } else {
            overdueMilestones = []
        }
        reasons = ExceptionReason.reasons(for: action, status: status, overdueMilestones: overdueMilestones)
    }

    /// The owner cell as written, or nil when blank.
    public var owner: String? { person == nil ? nil : action.owner }

    /// A short phrase for tables: "overdue 30 days", "due in 5 days", "due today".
    public var statusPhrase: String {
        switch status {
        case .overdue(let d): "overdue \(Plural.days(d))"
        case .dueSoon(0): "due today"
        case .dueSoon(let d): "due in \(Plural.days(d))"
        case .later: "due later"
        case .complete: "complete"
        case .noDeadline: "no deadline"
        }
    }

    /// The stable machine name of `status`, for JSON and CSV.
    public var statusCode: String {
        switch status {
        case .overdue: "overdue"
        case .dueSoon: "due-soon"
        case .later: "later"
        case .complete: "complete"
        case .noDeadline: "no-deadline"
        }
    }

    /// Days overdue for `.overdue`, days left for `.dueSoon`; nil otherwise.
    public var statusDays: Int? {
        switch status {
        case .overdue(let d), .dueSoon(let d): d
        default: nil
        }
    }
}

/// A milestone with its own deadline that has passed while the action is not Blue.
public struct OverdueMilestone: Equatable, Sendable {
    /// 1-based, as `show` numbers them.
    public let number: Int
    public let text: String
    public let due: String
    public let days: Int
    public let owner: String?
}

enum Plural {
    static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
