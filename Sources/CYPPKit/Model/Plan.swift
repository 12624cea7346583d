/// A group of actions: the seeds call it Outcome, Priority, Pillar or Area of focus.
public struct Outcome: Hashable, Sendable {
    public var ref: String
    public var title: String
    public var sections: [Section]
    public var actions: [Action]
    public var location: SourceLocation

    public init(ref: String, title: String, sections: [Section] = [], actions: [Action] = [], location: SourceLocation) {
        self.ref = ref
        self.title = title
        self.sections = sections
        self.actions = actions
        self.location = location
    }
}

/// A plan file as read: its outcomes and where it came from.
public struct Plan: Hashable, Sendable {
    public enum Format: String, Sendable, Codable { case markdown, csv }

    public var title: String
    /// Front matter (Markdown) or plan-level columns (CSV), in file order.
    public var metadata: [ExtraField]
    public var sections: [Section]
    public var outcomes: [Outcome]
    public var path: String
    public var format: Format

    public init(
        title: String, metadata: [ExtraField] = [], sections: [Section] = [],
        outcomes: [Outcome] = [], path: String, format: Format
    ) {
        self.title = title
        self.metadata = metadata
        self.sections = sections
        self.outcomes = outcomes
        self.path = path
        self.format = format
    }

    public func metadata(_ key: String) -> String? {
        metadata.first { $0.name.caseInsensitiveEquals(key) }?.value
    }

    /// Every action with the outcome it belongs to, in file order.
    public var allActions: [(outcome: Outcome, action: Action)] {
        outcomes.flatMap { o in o.actions.map { (o, $0) } }
    }

    public func action(ref: String) -> (outcome: Outcome, action: Action)? {
        for o in outcomes { if let a = o.actions.first(where: { $0.ref == ref }) { return (o, a) } }
        return nil
    }
}
