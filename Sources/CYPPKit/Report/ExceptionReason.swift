/// Why an action is in the exceptions list. An action appears once, with all its reasons.
public enum ExceptionReason: Hashable, Sendable {
    case progressRed
    case impactRed
    case overdue(days: Int)
    case unratedPastDue
    case progressAmber
    case milestoneOverdue(number: Int, days: Int)

    /// Most serious first: Red, then overdue, then Amber, then a late milestone.
    static func reasons(for action: Action, status: DueStatus, overdueMilestones: [OverdueMilestone]) -> [ExceptionReason] {
        var reasons: [ExceptionReason] = []
        if action.progress == .red { reasons.append(.progressRed) }
        if action.impact == .red { reasons.append(.impactRed) }
        if case .overdue(let days) = status {
            reasons.append(.overdue(days: days))
            if action.progress == nil { reasons.append(.unratedPastDue) }
        }
        if action.progress == .amber { reasons.append(.progressAmber) }
        for m in overdueMilestones { reasons.append(.milestoneOverdue(number: m.number, days: m.days)) }
        return reasons
    }

    /// Sorting key for the exceptions list: the action's most serious reason.
    var severity: Int {
        switch self {
        case .progressRed, .impactRed: 0
        case .overdue, .unratedPastDue: 1
        case .progressAmber: 2
        case .milestoneOverdue: 3
        }
    }

    /// What the paper says, e.g. "overdue 30 days".
    public var label: String {
        switch self {
        case .progressRed: "Progress Red"
        case .impactRed: "Impact Red"
        case .overdue(let d): "overdue \(Plural.days(d))"
        case .unratedPastDue: "unrated past due"
        case .progressAmber: "Progress Amber"
        case .milestoneOverdue(let n, let d): "milestone \(n) overdue \(Plural.days(d))"
        }
    }

    /// Stable name for JSON and CSV.
    public var code: String {
        switch self {
        case .progressRed: "progress-red"
        case .impactRed: "impact-red"
        case .overdue: "overdue"
        case .unratedPastDue: "unrated-past-due"
        case .progressAmber: "progress-amber"
        case .milestoneOverdue: "milestone-overdue"
        }
    }
}
