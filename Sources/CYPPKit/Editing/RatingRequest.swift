/// A rating given on the command line: a BRAG colour, or `unrated` to clear a cell.
public enum RatingInput: Sendable, Equatable {
    case rating(Rating)
    case unrated

    /// What `parse` accepts, for error messages and help (any case; `gray` too).
    public static let allowed = ["blue", "red", "amber", "green", "grey", "unrated"]

    /// A colour through `Rating.parse`, or `unrated`/`none`; blank and anything else is nil.
    public static func parse(_ text: String) -> RatingInput? {
        let lower = text.trimmingWhitespace().lowercased()
        if lower == "unrated" || lower == "none" { return .unrated }
        if case .success(let r?) = Rating.parse(text) { return .rating(r) }
        return nil
    }

    public var rating: Rating? {
        if case .rating(let r) = self { return r }
        return nil
    }
}

/// One `rate` run: what to set on which action, and who and when to record.
public struct RatingRequest: Sendable {
    public var ref: String
    public var progress: RatingInput?
    public var impact: RatingInput?
    /// The new progress narrative (when the plan has the column) and the history's note.
    public var note: String?
    public var who: String
    /// The history's `time` column, from `HistoryTime.stamp`.
    public var time: String

    public init(ref: String, progress: RatingInput? = nil, impact: RatingInput? = nil, note: String? = nil,
                who: String, time: String) {
        self.ref = ref
        self.progress = progress
        self.impact = impact
        self.note = note.map { String($0.trimmingWhitespace()) }
        self.who = who
        self.time = time
    }
}

/// What a `rate` run did.
public struct RateResult: Sendable {
    /// Why a note did not become the action's narrative.
    public enum NoteSkip: Sendable, Equatable {
        /// The action's table has no narrative column.
        case noNarrativeColumn
        /// The table has one, but the action's row stops short of it.
        case shortRow
    }

    /// The file written (a symbolic link's target) and the history file appended to.
    public let planPath: String
    public let historyPath: String
    /// The action as it now is in the file.
    public let action: Action
    /// One entry per changed value, as appended to the history; empty when nothing changed
    /// (then neither file was touched).
    public let recorded: [HistoryEntry]
    public let noteSkipped: NoteSkip?
    /// Temp files of earlier runs killed mid-write, removed under the lock.
    public let removedTemps: [String]
    /// The plan's warnings (it had no errors, or nothing would have been written).
    public let warnings: [Diagnostic]
    /// Lines of the history file that do not parse (CYPP022): skipped, as `history` skips them.
    public var historyWarnings: [Diagnostic] = []

    public var changedFile: Bool { !recorded.isEmpty }
}
