/// A delivery milestone of an action. Without its own due date or owner it
/// shares the action's.
public struct Milestone: Hashable, Sendable {
    public var text: String
    public var due: DueDate?
    public var owner: String?
    public var location: SourceLocation

    public init(text: String, due: DueDate? = nil, owner: String? = nil, location: SourceLocation) {
        self.text = text
        self.due = due
        self.owner = owner
        self.location = location
    }
}
