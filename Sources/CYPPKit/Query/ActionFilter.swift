/// The `--owner`, `--outcome` and `--rating` filters shared by list, overdue and report.
public struct ActionFilter: Sendable {
    public enum RatingFilter: Sendable, Equatable {
        case rated(Rating)
        case unrated
    }

    public var owner: String?
    public var outcome: String?
    public var rating: RatingFilter?

    public init(owner: String? = nil, outcome: String? = nil, rating: RatingFilter? = nil) {
        self.owner = owner
        self.outcome = outcome
        self.rating = rating
    }

    /// `--rating` text: a BRAG colour or `unrated`.
    public static func ratingFilter(_ text: String) -> RatingFilter? {
        if text.lowercased() == "unrated" { return .unrated }
        if case .success(let r?) = Rating.parse(text) { return .rated(r) }
        return nil
    }

    /// Owner: case-insensitive substring. Outcome: its ref exactly, or a title substring.
    public func matches(_ action: Action, in outcome: Outcome) -> Bool {
        if let owner, !(action.owner ?? "").lowercased().contains(owner.lowercased()) { return false }
        if let want = self.outcome, outcome.ref != want, !outcome.title.lowercased().contains(want.lowercased()) {
            return false
        }
        switch rating {
        case .rated(let r)?: return action.progress == r
        case .unrated?: return action.progress == nil
        case nil: return true
        }
    }
}
