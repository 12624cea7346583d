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
    // One stored count per rating, not a dictionary: `add` runs for every action of the
    // report (twice), and hashing a rating each time was a visible part of building it.
    private var blue = 0, green = 0, amber = 0, red = 0, grey = 0
    public private(set) var unrated = 0
    public private(set) var total = 0

    public init() {}

    mutating func add(_ rating: Rating?) {
        total += 1
        switch rating {
        case .blue: blue += 1
        case .green: green += 1
        case .amber: amber += 1
        case .red: red += 1
        case .grey: grey += 1
        case nil: unrated += 1
        }
    }

    /// Adds another set's counts: an outcome's into its plan's, a plan's into the report's.
    mutating func add(_ other: RatingCounts) {
        blue += other.blue
        green += other.green
        amber += other.amber
        red += other.red
        grey += other.grey
        unrated += other.unrated
        total += other.total
    }

    /// The counts of the ratings that occur (unrated is `unrated`).
    public var counts: [Rating: Int] {
        Dictionary(uniqueKeysWithValues: Rating.reportOrder.compactMap { r in count(r) > 0 ? (r, count(r)) : nil })
    }

    public func count(_ rating: Rating?) -> Int {
        switch rating {
        case .blue: blue
        case .green: green
        case .amber: amber
        case .red: red
        case .grey: grey
        case nil: unrated
        }
    }

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

    public init(_ actions: some Sequence<ReportAction>) {
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

    /// Adds the figures of a disjoint set of actions, so a plan's are the sum of its
    /// outcomes' and the report's the sum of its plans': one pass over the actions, not three.
    mutating func add(_ other: Figures) {
        actions += other.actions
        progress.add(other.progress)
        impact.add(other.impact)
        overdue += other.overdue
        dueSoon += other.dueSoon
        later += other.later
        noDeadline += other.noDeadline
        overdueMilestones += other.overdueMilestones
        unratedPastDue += other.unratedPastDue
        exceptions += other.exceptions
    }
}
