/// How a rating moved over a window: Red < Amber < Green < Blue. Grey (not started / not yet
/// expected) and unrated sit outside that order, so a move to or from them has no direction.
public enum Trend: String, Sendable, CaseIterable {
    case up, down, same, none

    public init(from old: Rating?, to new: Rating?) {
        if old == new {
            self = .same
        } else if let a = old?.rank, let b = new?.rank {
            self = b > a ? .up : .down
        } else {
            self = .none
        }
    }

    /// The mark the report prints: ↑, ↓, = or blank.
    public var mark: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .same: "="
        case .none: ""
        }
    }
}

/// One action's rating over a window of the history: where it stood at the start and where it
/// ended, however many times it was re-rated in between.
public struct RatingChange: Hashable, Sendable {
    /// The plan's file name, as the history records it.
    public let plan: String
    public let ref: String
    /// `.progress` or `.impact`.
    public let field: HistoryEntry.Field
    /// The `old` of the window's first entry and the `new` of its last; nil for unrated
    /// (or text in the history that is not a rating).
    public let from: Rating?
    public let to: Rating?
    public let trend: Trend
    /// The window's first entry, whose `old` is the value before the window, as recorded.
    public let earliest: HistoryEntry
    /// The window's last entry: who made the change, when, and their note.
    public let latest: HistoryEntry
    /// How many entries the window holds for this action and field.
    public let count: Int
}

/// "Changes since the last meeting": the report's use of the history.
public enum RatingChanges {
    /// The Progress and Impact changes recorded on or after `day` (and on or before `through`,
    /// when given), one per plan, action and field, ordered by plan, then ref (`1.2` before
    /// `1.10`), progress before impact. An action rated back to where it started is kept, with
    /// trend `.same`, so a report can show or drop it.
    public static func since(_ day: Day, through end: Day? = nil, entries: [HistoryEntry]) -> [RatingChange] {
        var groups: [Key: [HistoryEntry]] = [:]
        for e in HistoryFile.chronological(entries) where e.field != .narrative {
            guard let d = e.day, d >= day, end.map({ d <= $0 }) ?? true else { continue }
            groups[Key(plan: e.plan, ref: e.ref, field: e.field), default: []].append(e)
        }
        let changes = groups.compactMap { key, window -> RatingChange? in
            guard let first = window.first, let last = window.last else { return nil }
            let from = first.oldRating, to = last.newRating
            return RatingChange(plan: key.plan, ref: key.ref, field: key.field, from: from, to: to,
                                trend: Trend(from: from, to: to), earliest: first, latest: last, count: window.count)
        }
        return changes.sorted { a, b in
            if a.plan != b.plan { return a.plan < b.plan }
            if a.ref != b.ref { return refOrder(a.ref, b.ref) }
            return a.field == .progress && b.field != .progress
        }
    }

    private struct Key: Hashable {
        let plan: String, ref: String, field: HistoryEntry.Field
    }

    /// `1.2` < `1.10` < `2`, as `overdue` sorts them.
    static func refOrder(_ a: String, _ b: String) -> Bool { NaturalOrder.compare(a, b) < 0 }
}

extension HistoryEntry {
    /// The `old` and `new` columns read as ratings; nil for unrated (or text that is not one).
    public var oldRating: Rating? { Self.rating(old) }
    public var newRating: Rating? { Self.rating(new) }

    /// The entry's direction for a rating field; nil for the narrative.
    public var trend: Trend? { field == .narrative ? nil : Trend(from: oldRating, to: newRating) }

    private static func rating(_ text: String) -> Rating? {
        if case .success(let r) = Rating.parse(text) { return r }
        return nil
    }
}
