/// What `import` made of a document: the plan, and everything a person must look at to
/// finish by hand. Nothing is dropped silently: a non-blank line is either in the plan,
/// or in `unplaced`.
public struct ImportResult: Sendable {
    public var plan: Plan
    public var layout: ImportLayout
    /// Lines with text that the layout reader could not put anywhere in the plan.
    public var unplaced: [DocumentLine]
    /// Repairs and guesses the reader made (a ref given back its dot, a row rejoined
    /// across a page break, items that would not line up), for a person to check.
    public var notes: [ImportNote]

    public var actionCount: Int { plan.outcomes.reduce(0) { $0 + $1.actions.count } }

    public var milestoneCount: Int { plan.allActions.reduce(0) { $0 + $1.action.milestones.count } }
}

/// A remark about one line of the source document.
public struct ImportNote: Hashable, Sendable {
    public let line: Int
    public let message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }
}

/// The source has no layout `import` knows; exit 65 in the CLI.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    public let path: String

    public var description: String {
        "\(path): no plan layout recognised (expected a pipe table with an Action column, or a tab-separated "
            + "table headed Ref/Action, Targets/Strategic actions, Objective/Key milestones or Strategy/Lead member(s))"
    }
}

/// Which lines a reader has used; the rest (with text) are reported as unplaced.
struct LineLedger {
    private var used: Set<Int> = []

    mutating func use(_ line: Int) { used.insert(line) }

    mutating func use(_ lines: some Sequence<Int>) { used.formUnion(lines) }

    func isUsed(_ line: Int) -> Bool { used.contains(line) }

    func unplaced(in document: ImportDocument) -> [DocumentLine] {
        document.lines.filter { !$0.isBlank && !$0.isDecoration && !used.contains($0.number) }
    }
}
