/// What a table column means, recognised from its header text with the synonyms
/// real plans use. Anything unrecognised is kept as an extra field.
public enum ColumnKind: Hashable, Sendable {
    case ref, action, start, due, owner, progress, impact, narrative, milestone
    /// CSV only: the outcome (priority, pillar, area of focus) a row belongs to.
    case outcome
    /// CSV only: prose about the outcome, kept as one of its sections.
    case outcomeSection
    /// CSV only: the plan's title.
    case planTitle
    /// CSV only: plan metadata such as Version or Period.
    case planMetadata
    case extra

    /// Header synonyms, compared after lowercasing and collapsing whitespace.
    /// The README's table is generated from the same list, so the two never drift.
    public static let synonyms: [(ColumnKind, [String])] = [
        (.ref, ["ref", "ref.", "ref no", "ref no.", "reference", "no", "no.", "#", "id", "action ref"]),
        (.action, ["action", "actions", "strategic action", "strategic actions", "key action",
                   "action description", "objective", "task", "strategy"]),
        (.start, ["start date", "start", "date started", "start by"]),
        (.due, ["due date", "date due", "milestone due", "by when", "timescale", "timescales",
                "due", "deadline", "target date", "completion date"]),
        (.owner, ["owner", "lead", "lead person", "action owner", "lead officer", "lead officer(s)", "lead officers",
                  "responsible officer", "lead member", "lead member(s)", "responsible"]),
        (.progress, ["progress rating (brag)", "progress", "progress rating", "progress (brag)", "progress brag",
                     "brag", "brag rating", "rag", "rag rating", "rag status"]),
        (.impact, ["impact rating (brag)", "impact", "impact rating", "impact (brag)", "impact brag"]),
        (.narrative, ["progress narrative", "narrative", "commentary", "comments", "comment", "progress update"]),
        (.milestone, ["milestone", "milestones", "key milestone", "key milestones", "delivery milestone",
                      "delivery impact milestone", "delivery impact milestones"]),
        (.outcome, ["outcome", "priority", "pillar", "area of focus", "theme", "outcome area"]),
        (.outcomeSection, ["expected outcome once delivered", "expected outcome", "outcome description",
                           "why this is important to us", "how we will know we are successful",
                           "plans to which this outcome aligns"]),
        (.planTitle, ["plan", "plan title"]),
        (.planMetadata, ["version", "period", "board", "partnership", "status"]),
    ]

    private static let lookup: [String: ColumnKind] = {
        var map: [String: ColumnKind] = [:]
        for (kind, names) in synonyms { for n in names { map[n] = kind } }
        return map
    }()

    public static func recognise(_ header: some StringProtocol) -> ColumnKind {
        lookup[header.collapsingWhitespace().lowercased()] ?? .extra
    }

    /// A dense number per kind, for tables indexed by kind (`ColumnMap`).
    var ordinal: Int {
        switch self {
        case .ref: 0
        case .action: 1
        case .start: 2
        case .due: 3
        case .owner: 4
        case .progress: 5
        case .impact: 6
        case .narrative: 7
        case .milestone: 8
        case .outcome: 9
        case .outcomeSection: 10
        case .planTitle: 11
        case .planMetadata: 12
        case .extra: 13
        }
    }

    static let ordinalCount = 14

    /// Markdown gives outcomes and the plan's title and metadata their own lines: in a table
    /// those columns are extra fields.
    var isMarkdownTableColumn: Bool {
        switch self {
        case .outcome, .outcomeSection, .planTitle, .planMetadata: false
        default: true
        }
    }

    /// Columns of few distinct texts, repeated from row to row, whose cells are read by their
    /// bytes: the assembler looks dates, owners and ratings up once per distinct text, and a
    /// CSV's outcome grouping compares an outcome cell with the row above's.
    var isReadByBytes: Bool {
        switch self {
        case .start, .due, .owner, .progress, .impact, .outcome: true
        default: false
        }
    }

    /// Kinds that may appear once per table; a second is an error, not a silent choice.
    var isSingular: Bool {
        switch self {
        case .extra, .outcomeSection, .planMetadata: false
        default: true
        }
    }
}
