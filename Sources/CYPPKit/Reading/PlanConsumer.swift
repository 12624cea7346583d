/// Where a reader hands each finished action. Building a `Plan` is one consumer; a
/// streaming query (`overdue`, `check` on a huge file) is another that keeps only what it needs.
public protocol PlanConsumer {
    /// Called once per action in file order, after its continuation rows are folded in.
    /// `plan` is as read so far: `plan.outcomes[outcome]` is the action's outcome, and
    /// outcomes' `actions` are not filled in.
    mutating func consume(_ action: Action, outcome: Int, in plan: Plan)

    /// Called before each plan file of a portfolio is read, with the owners files read so far.
    mutating func begin(plan path: String, owners: OwnerDirectory)
}

extension PlanConsumer {
    public mutating func begin(plan path: String, owners: OwnerDirectory) {}
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
    /// Called with the offset the reader has passed, so a mapping can release pages.
    public let release: (Int) -> Void

    public init(path: String, bytes: UnsafeBufferPointer<UInt8>, release: @escaping (Int) -> Void = { _ in }) {
        self.path = path
        self.bytes = bytes
        self.release = release
    }

    /// 3 when the file starts with a UTF-8 byte-order mark, else 0.
    var contentStart: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
