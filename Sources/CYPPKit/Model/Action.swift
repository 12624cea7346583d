/// One action of an outcome: what users rate, chase and report on.
public struct Action: Hashable, Sendable {
    /// Unique within its plan; how users and scripts address the action.
    public var ref: String
    public var text: String
    public var start: DueDate?
    public var due: DueDate
    public var owner: String?
    public var progress: Rating?
    public var impact: Rating?
    public var narrative: String?
    public var milestones: [Milestone]
    public var extras: [ExtraField]
    /// The action's own row.
    public var location: SourceLocation
    /// Byte ranges of the action row's editable cells, for in-place edits.
    public var cells: CellRanges

    public init(
        ref: String, text: String, start: DueDate? = nil, due: DueDate, owner: String? = nil,
        progress: Rating? = nil, impact: Rating? = nil, narrative: String? = nil,
        milestones: [Milestone] = [], extras: [ExtraField] = [], location: SourceLocation,
        cells: CellRanges = CellRanges()
    ) {
        self.ref = ref
        self.text = text
        self.start = start
        self.due = due
        self.owner = owner
        self.progress = progress
        self.impact = impact
        self.narrative = narrative
        self.milestones = milestones
        self.extras = extras
        self.location = location
        self.cells = cells
    }

    /// Done, in the BRAG key's sense: Blue.
    public var isComplete: Bool { progress == .blue }
}

/// Where the action row's rating and narrative cells sit in the file's bytes.
/// A range covers the cell's content as it would be replaced (see `PlanEditor`).
public struct CellRanges: Hashable, Sendable {
    public var progress: Range<Int>? {
        get { progressSpan.range }
        set { progressSpan = Span(newValue) }
    }
    public var impact: Range<Int>? {
        get { impactSpan.range }
        set { impactSpan = Span(newValue) }
    }
    public var narrative: Range<Int>? {
        get { narrativeSpan.range }
        set { narrativeSpan = Span(newValue) }
    }
    // Kept as bounds, an absent range as -1 (no byte has a negative offset): 48 bytes where
    // three optional ranges take 65, in an action moved several times a row.
    private var progressSpan: Span, impactSpan: Span, narrativeSpan: Span

    public init(progress: Range<Int>? = nil, impact: Range<Int>? = nil, narrative: Range<Int>? = nil) {
        progressSpan = Span(progress)
        impactSpan = Span(impact)
        narrativeSpan = Span(narrative)
    }

    private struct Span: Hashable, Sendable {
        let lower: Int, upper: Int

        init(_ range: Range<Int>?) {
            (lower, upper) = range.map { ($0.lowerBound, $0.upperBound) } ?? (-1, -1)
        }

        var range: Range<Int>? { lower < 0 ? nil : lower..<upper }
    }
}
