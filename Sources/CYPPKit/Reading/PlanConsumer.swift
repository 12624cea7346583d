/// Where a reader hands each finished action. Building a `Plan` is one consumer; a
/// streaming query (`overdue`, `check` on a huge file) is another that keeps only what it needs.
public protocol PlanConsumer {
    /// Called once per action in file order, after its continuation rows are folded in.
    /// `plan` is as read so far: `plan.outcomes[outcome]` is the action's outcome, and
    /// outcomes' `actions` are not filled in.
    mutating func consume(_ action: Action, outcome: Int, in plan: Plan)

    /// The parts of an action this consumer reads: the actions it is given have no narrative
    /// (nil) and no extras (empty) unless it asks for them. All, by default. Fixed for the
    /// consumer's life, and the same for its `laterPart`: both parts of a file skip alike.
    var reads: ActionParts { get }

    /// Called before each plan file of a portfolio is read, with the owners files read so far.
    mutating func begin(plan path: String, owners: OwnerDirectory)

    /// An empty consumer for the later part of a large file, read on another core while this
    /// one takes the earlier part; nil (the default) when actions must come one by one in file
    /// order (a listing printed as it is read). `plan` is the file's path. The `plan` its
    /// `consume` is given holds only that part's outcomes, numbered from 0, and perhaps no
    /// title: a consumer that keeps outcome numbers or the plan's title must stay nil.
    func laterPart(plan path: String) -> Self?

    /// Takes in what a later part's consumer found, as if its actions had come after this
    /// one's. False, with nothing changed, when they cannot be joined that way; the file is
    /// then read on in one piece and `later` is dropped.
    mutating func absorb(_ later: consuming Self) -> Bool
}

extension PlanConsumer {
    public var reads: ActionParts { .all }
    public mutating func begin(plan path: String, owners: OwnerDirectory) {}
    public func laterPart(plan path: String) -> Self? { nil }
    public mutating func absorb(_ later: consuming Self) -> Bool { false }
}

/// The parts of an action only some consumers read, whose cells a reader can then leave
/// undecoded: narratives and extra columns are most of a plan's text, and neither `overdue`
/// nor `check` reads them.
public struct ActionParts: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let narrative = ActionParts(rawValue: 1 << 0)
    /// Columns of no known kind, kept by name in `Action.extras`.
    public static let extras = ActionParts(rawValue: 1 << 1)
    public static let all: ActionParts = [.narrative, .extras]
}

/// The usual consumer: keeps every action, per plan and outcome, to build whole plans.
struct ActionCollector: PlanConsumer {
    /// Per plan read, per outcome.
    var actions: [[[Action]]] = []

    mutating func begin(plan path: String, owners: OwnerDirectory) { actions.append([]) }

    mutating func consume(_ action: Action, outcome: Int, in plan: Plan) {
        if actions.isEmpty { actions.append([]) }
        let p = actions.count - 1
        while actions[p].count <= outcome { actions[p].append([]) }
        actions[p][outcome].append(action)
    }

    /// `plan` (read as number `index`) with its actions filled in.
    func assemble(_ plan: Plan, index: Int) -> Plan {
        var plan = plan
        guard index < actions.count else { return plan }
        for i in plan.outcomes.indices where i < actions[index].count { plan.outcomes[i].actions = actions[index][i] }
        return plan
    }
}

/// The bytes a reader reads and how it tells their owner what it has finished with.
public struct ReaderInput {
    public let path: String
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The mapped file the bytes are, if they are one.
    private let file: MappedFile?
    /// Called with the offset the reader has passed, so a mapping can release pages behind it.
    public let release: (Int) -> Void

    public init(path: String, bytes: UnsafeBufferPointer<UInt8>, file: MappedFile? = nil) {
        self.init(path: path, bytes: bytes, file: file, from: 0)
    }

    private init(path: String, bytes: UnsafeBufferPointer<UInt8>, file: MappedFile?, from start: Int) {
        self.path = path
        self.bytes = bytes
        self.file = file
        self.release = file?.releaser(from: start) ?? { _ in }
    }

    /// The same input for a reader starting at `start`, which releases only pages after it:
    /// each part of a file read in two releases its own.
    func startingAt(_ start: Int) -> ReaderInput {
        ReaderInput(path: path, bytes: bytes, file: file, from: start)
    }

    /// The bytes before `end`, a chunk at a time, not through the mapping (see `MappedFile`).
    func forEachChunk(before end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let file else { return body(UnsafeBufferPointer(rebasing: bytes[..<min(max(0, end), bytes.count)])) }
        file.forEachChunk(before: end, body)
    }

    /// 3 when the file starts with a UTF-8 byte-order mark, else 0.
    var contentStart: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
