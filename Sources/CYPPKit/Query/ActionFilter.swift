/// The `--owner`, `--outcome` and `--rating` filters shared by list, overdue and report.
public struct ActionFilter: Sendable {
    public enum RatingFilter: Sendable, Equatable {
        case rated(Rating)
        case unrated
    }

    public var owner: String?
    public var outcome: String? { didSet { outcomeMatch = outcome.map(OutcomeMatch.init) } }
    public var rating: RatingFilter?
    /// `outcome` as it is compared, parsed once rather than for every action.
    private var outcomeMatch: OutcomeMatch?
    /// The plans' owners files: `--owner` also matches the person an alias resolves to.
    public var owners = OwnerDirectory()

    public init(owner: String? = nil, outcome: String? = nil, rating: RatingFilter? = nil) {
        self.owner = owner
        self.outcome = outcome
        self.rating = rating
        outcomeMatch = outcome.map(OutcomeMatch.init)
    }

    /// `--rating` text: a BRAG colour or `unrated`.
    public static func ratingFilter(_ text: String) -> RatingFilter? {
        if text.lowercased() == "unrated" { return .unrated }
        if case .success(let r?) = Rating.parse(text) { return .rated(r) }
        return nil
    }

    /// Owner: case-insensitive substring, spacing collapsed, milestone owners included.
    /// Outcome: see `OutcomeMatch`.
    public func matches(_ action: Action, in outcome: Outcome) -> Bool {
        if let owner {
            let want = owner.collapsingWhitespace().lowercased()
            let cells = [action.owner] + action.milestones.map(\.owner)
            guard cells.contains(where: { cell in
                guard let cell else { return false }
                return cell.collapsingWhitespace().lowercased().contains(want)
                    || self.owners.resolve(cell).name.collapsingWhitespace().lowercased().contains(want)
            }) else { return false }
        }
        if let match = outcomeMatch, !match.matches(outcome) { return false }
        switch rating {
        case .rated(let r)?: return action.progress == r
        case .unrated?: return action.progress == nil
        case nil: return true
        }
    }
}

/// What `--outcome` text matches, worked out once. A ref (`2`, `Outcome 2`, `Priority Two`)
/// matches that outcome's ref only, so `2` never picks up "2050 vision"; other text matches a
/// case-insensitive substring of the title.
struct OutcomeMatch: Sendable {
    private let ref: String?
    private let title: String

    init(_ want: String) {
        // "<text>: x" parses to title "x" exactly when the text is a ref, with or without a keyword.
        let probe = OutcomeHeading.parse(want + ": x", fallbackRef: "")
        ref = !probe.ref.isEmpty && probe.title == "x" ? probe.ref : nil
        title = want.collapsingWhitespace().lowercased()
    }

    func matches(_ outcome: Outcome) -> Bool {
        if let ref { return outcome.ref == ref }
        return outcome.title.lowercased().contains(title)
    }
}
