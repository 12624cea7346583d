/// A dated thing users are chased for: an action's own due date, or a milestone's own.
/// It does not carry the action (the caller has it): copying one per item was a tenth of `overdue`.
public struct DueItem: Sendable {
    /// 1-based milestone number when the date is a milestone's own; nil for the action.
    public let milestone: Int?
    public let due: DueDate
    public let deadline: Day
    /// The milestone's own owner, else the action's.
    public let owner: String?
}

/// Where a deadline stands on a given day. One rule for `overdue` and `report`: overdue
/// means the deadline is strictly before the as-of date and Progress is not Blue.
public enum DueStatus: Equatable, Sendable {
    case overdue(days: Int)
    case dueSoon(days: Int)
    case later
    case complete
    case noDeadline

    public static func of(deadline: Day?, progress: Rating?, asOf: Day, horizon: Int) -> DueStatus {
        guard let deadline else { return .noDeadline }
        if progress == .blue { return .complete }
        let days = deadline.days(until: asOf)
        if days > 0 { return .overdue(days: days) }
        if -days <= horizon { return .dueSoon(days: -days) }
        return .later
    }

    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }
}

extension Action {
    /// The action's deadline and every milestone deadline of its own, in that order.
    /// Milestones sharing the action's date are not repeated.
    public var dueItems: [DueItem] {
        var items: [DueItem] = []
        forEachDueItem { items.append($0) }
        return items
    }

    /// `dueItems` one at a time, with no array: `overdue` asks this of every action.
    public func forEachDueItem(_ body: (DueItem) -> Void) {
        if let d = due.deadline { body(DueItem(milestone: nil, due: due, deadline: d, owner: owner)) }
        for (i, m) in milestones.enumerated() {
            guard let due = m.due, let d = due.deadline else { continue }
            body(DueItem(milestone: i + 1, due: due, deadline: d, owner: m.owner ?? owner))
        }
    }

    public func status(asOf: Day, horizon: Int = 0) -> DueStatus {
        DueStatus.of(deadline: due.deadline, progress: progress, asOf: asOf, horizon: horizon)
    }
}
