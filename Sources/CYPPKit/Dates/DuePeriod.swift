/// The span of days a due text names; its deadline is the last day.
public struct DuePeriod: Hashable, Sendable {
    public let start: Day
    public let end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public var deadline: Day { end }
}

/// A due (or start) date as written in the plan, with what it was understood to mean.
public struct DueDate: Hashable, Sendable {
    public enum Meaning: Hashable, Sendable {
        /// Blank, `Ongoing`, `TBC` and the like: deliberately no deadline.
        case none
        /// A recognised date or period (possibly found among other words).
        case period(DuePeriod)
        /// Text that names no date this grammar knows; a warning, never a crash.
        case unparsed
    }

    /// The cell text exactly as written (trimmed).
    public let text: String
    public let meaning: Meaning

    public init(text: String, meaning: Meaning) {
        self.text = text
        self.meaning = meaning
    }

    public var period: DuePeriod? {
        if case .period(let p) = meaning { return p }
        return nil
    }

    public var deadline: Day? { period?.end }

    public var isUnparsed: Bool { meaning == .unparsed }

    public var isBlank: Bool { text.isEmpty }
}
