/// A count out of a whole, with the whole-number percent every format shows.
public struct Share: Equatable, Sendable {
    public let count: Int
    public let total: Int

    public init(count: Int, total: Int) {
        self.count = count
        self.total = total
    }

    /// Rounded half up, so 1 of 8 is 13%. An empty whole is 0%.
    public var percent: Int { total <= 0 ? 0 : (200 * count + total) / (2 * total) }
}

/// How many actions have each BRAG rating in one column (Progress or Impact), unrated included.
public struct RatingCounts: Equatable, Sendable {
    public private(set) var counts: [Rating: Int] = [:]
    public private(set) var unrated = 0
    public private(set) var total = 0

    public init() {}

    mutating func add(_ rating: Rating?) {
        total += 1
        if let rating { counts[rating, default: 0] += 1 } else { unrated += 1 }
    }

    public func count(_ rating: Rating?) -> Int { rating.map { counts[$0] ?? 0 } ?? unrated }

    public func share(_ rating: Rating?) -> Share { Share(count: count(rating), total: total) }

    /// Report order: Blue, Green, Amber, Red, Grey, then unrated (nil).
    public static let order: [Rating?] = Rating.reportOrder.map { $0 } + [nil]
}

/// The headline numbers of a set of actions: the whole report, one plan or one outcome.
/// Every format prints these; none computes its own.
public struct Figures: Equatable, Sendable {
    public private(set) var actions = 0
    public private(set) var progress = RatingCounts()
    public private(set) var impact = RatingCounts()
    /// Actions whose own deadline is before the as-of day and whose Progress is not Blue.
    public private(set) var overdue = 0
    /// Actions due from the as-of day to the horizon, not Blue.
    public private(set) var dueSoon = 0
    /// Actions due after the horizon, not Blue.
    public private(set) var later = 0
    /// Actions with no deadline (Ongoing, TBC, blank, or an unparsed date), not Blue.
    public private(set) var noDeadline = 0
    /// Milestones with their own deadline that has passed, on actions not Blue.
    public private(set) var overdueMilestones = 0
    public private(set) var unratedPastDue = 0
    /// Actions in the exceptions list.
    public private(set) var exceptions = 0

    public init() {}

    public init(_ actions: [ReportAction]) {
        for a in actions { add(a) }
    }

    /// Blue actions: "% complete".
    public var complete: Share { progress.share(.blue) }
    /// Actions with no Progress rating.
    public var unrated: Int { progress.unrated }

    mutating func add(_ a: ReportAction) {
        actions += 1
        progress.add(a.action.progress)
        impact.add(a.action.impact)
        switch a.status {
        case .overdue: overdue += 1
        case .dueSoon: dueSoon += 1
        case .later: later += 1
        case .noDeadline: noDeadline += 1
        case .complete: break
        }
        overdueMilestones += a.overdueMilestones.count
        if a.reasons.contains(.unratedPastDue) { unratedPastDue += 1 }
        if !a.reasons.isEmpty { exceptions += 1 }
    }
}
