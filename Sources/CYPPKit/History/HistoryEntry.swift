/// One changed value of one action, as `rate` records it. The history is append-only:
/// entries are never rewritten, so it doubles as the audit trail.
public struct HistoryEntry: Hashable, Sendable {
    public enum Field: String, Sendable, CaseIterable {
        case progress, impact, narrative
    }

    /// ISO 8601 timestamp with offset, e.g. `2026-11-23T16:55:26Z`.
    public var time: String
    public var who: String
    /// The plan file's name (not its path), so a moved checkout keeps its history.
    public var plan: String
    public var ref: String
    public var field: Field
    public var old: String
    public var new: String
    public var note: String

    public init(time: String, who: String, plan: String, ref: String, field: Field, old: String, new: String, note: String) {
        self.time = time
        self.who = who
        self.plan = plan
        self.ref = ref
        self.field = field
        self.old = old
        self.new = new
        self.note = note
    }

    /// The calendar day of `time` (its first ten characters), for `--since`.
    public var day: Day? { Day(iso: time.prefix(10)) }
}
