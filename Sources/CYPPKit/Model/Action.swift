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
    public var progress: Range<Int>?
    public var impact: Range<Int>?
    public var narrative: Range<Int>?

    public init(progress: Range<Int>? = nil, impact: Range<Int>? = nil, narrative: Range<Int>? = nil) {
        self.progress = progress
        self.impact = impact
        self.narrative = narrative
    }
}
