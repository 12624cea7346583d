/// Streams plans and keeps only the rows `overdue` will print, each as its line for scripts or
/// its table cells for people. They are sorted through a temporary file when there are more
/// than fit a few megabytes: memory stays flat however many rows a portfolio has.
public struct OverdueCollector: PlanConsumer {
    /// What is kept of each row until it is printed.
    public enum Keep {
        /// The row's cells in the table for people (`OverdueTable`), made printable as it is
        /// found; the table notes its columns' widths on the way and pads the rows as they are
        /// printed. `terminal`: cells are cut to their column's limit; `width`: the terminal's
        /// columns, which rows are fitted to.
        case table(terminal: Bool, width: Int?)
        /// The row's line in a script's format, rendered as it is found: printing a million
        /// rows is then copying bytes.
        case lines(RecordLine)
    }

    public let query: OverdueQuery
    public let keep: Keep
    /// The table rows are kept for, when `keep` is a table (nil for lines): its widths grow as
    /// rows are kept.
    private var table: OverdueTable?
    /// Set up at the first plan, when the owners files are known; then kept across plans so
    /// each person keeps the spelling seen first.
    private var people: PersonIndex?
    private let plans = PlanPaths()
    /// The plans' file names, which the table shows, worked out once a plan.
    private var planNames: [String] = []
    private var sorter: ExternalSorter
    /// Reused for each line, so keeping a line allocates nothing.
    private var record: [UInt8] = []
    /// The first failure to write the temporary file: the listing is incomplete, so nothing
    /// should be printed.
    public private(set) var spillError: SpillError?
    /// True when a row is overdue, not merely due soon: what `--exit-code` reports.
    public private(set) var foundOverdue = false

    public init(query: OverdueQuery, keep: Keep = .table(terminal: false, width: nil), memoryBudget: Int = 2 << 20) {
        self.query = query
        self.keep = keep
        if case .table(let terminal, let width) = keep { table = OverdueTable(terminal: terminal, width: width) }
        let plans = self.plans
        // Days overdue is the sorter's number (most first); the plan is its group and the
        // ref's natural order its hint. The record orders the ties.
        self.sorter = ExternalSorter(budget: memoryBudget) { OverdueRecord.before($0, $1, plans: plans) }
    }

    /// Neither narratives nor extra columns are listed.
    public var reads: ActionParts { [] }

    public mutating func begin(plan path: String, owners: OwnerDirectory) {
        if people == nil { people = PersonIndex(directory: owners) }
    }

    public mutating func consume(_ action: Action, outcome: Int, in plan: Plan) {
        // Moved out and back, not copied: the rows' closure changes `self`, so an index read
        // where it is stored was copied for each action, its seven references retained and
        // released (2% of `overdue`'s cycles on a big CSV: atomic, dearer than they count).
        var people = self.people.take() ?? PersonIndex(directory: OwnerDirectory())
        people.note(action)
        keepRows(of: action, outcome: outcome, in: plan, people: people)
        self.people = consume people
    }

    private mutating func keepRows(of action: Action, outcome: Int, in plan: Plan, people: PersonIndex) {
        // The outcome tested and its ref taken before the closure: passed in whole, it was
        // copied for each action too, since the closure might have changed it.
        guard spillError == nil, query.listsRows(of: plan.outcomes[outcome]) else { return }
        let outcomeRef = plan.outcomes[outcome].ref
        if plans.paths.last != plan.path { plans.paths.append(plan.path) }
        query.forEachRow(for: action, outcomeRef: outcomeRef, plan: plan, people: people) { row in
            if row.status == .overdue { foundOverdue = true }
            guard spillError == nil else { return }
            record.removeAll(keepingCapacity: true)
            OverdueRecord.appendHeader(plan: plans.paths.count - 1, row: row, to: &record)
            switch keep {
            case .lines(let line): line.append(to: &record) { OverdueRendering.write(row, to: &$0) }
            case .table:
                while planNames.count < plans.paths.count { planNames.append(FilePath.name(of: plans.paths[planNames.count])) }
                table?.append(row, planName: planNames[plans.paths.count - 1], to: &record)
            }
            // Within a plan, the ref's hint orders most rows of equal days without `before`.
            let hint = row.ref.withUTF8Bytes { NaturalOrder.hint(UnsafeRawBufferPointer($0)) }
            let key = SortKey(-row.daysOverdue, group: UInt32(truncatingIfNeeded: plans.paths.count - 1), hint: hint)
            do throws(SpillError) { try sorter.append(key, record: record) } catch {
                spillError = error
            }
        }
    }

    /// A collector for the later part of plan `path`, read on another core. Its records name
    /// plans by their number here, so it starts with these plans' paths, `path` last. Its
    /// sorter has half the budget: the two parts hold one and a half budgets, not two.
    public func laterPart(plan path: String) -> OverdueCollector? {
        var later = OverdueCollector(query: query, keep: keep, memoryBudget: max(1, sorter.budget / 2))
        later.people = people?.empty
        later.plans.paths = plans.paths.last == path ? plans.paths : plans.paths + [path]
        return later
    }

    /// Takes in a later part's rows, as if read after this collector's. False when a person
    /// is spelled differently in the two parts (the later rows show their own spelling).
    public mutating func absorb(_ later: consuming OverdueCollector) -> Bool {
        if let theirs = later.people {
            if people == nil { people = theirs.empty }
            guard people?.absorb(theirs) ?? false else { return false }
        }
        if later.plans.paths.count > plans.paths.count { plans.paths = later.plans.paths }
        if let theirs = later.table { table?.absorb(theirs) }
        foundOverdue = foundOverdue || later.foundOverdue
        if spillError == nil { spillError = later.spillError }
        guard spillError == nil else { return true }
        do throws(SpillError) { try sorter.absorb(later.sorter) } catch { spillError = error }
        return true
    }

    public var count: Int { sorter.count }

    /// True when an action read names this person as its owner (or a milestone's): a
    /// `--person` that matches nobody is worth a warning, not a silent empty listing.
    public func knowsPerson(named name: String) -> Bool { people?.knows(name: name) ?? false }
    /// Sorted runs written to the temporary file: 0 when the rows fit the memory budget.
    public var spilledRuns: Int { sorter.runCount }

    /// Writes the rows still held to the temporary file when earlier ones went there, so that
    /// printing them writes nothing: a listing whose header is out cannot then fail half way
    /// for want of room. A failure is `spillError`. Called once every plan is read.
    public mutating func finishKeeping() {
        guard spillError == nil else { return }
        do throws(SpillError) { try sorter.finishWriting() } catch { spillError = error }
    }

    /// Every row's rendered line, most overdue first, then by plan, ref and milestone; the
    /// bytes are valid during the call. For a collector that keeps `.lines`.
    public mutating func forEachLine(_ body: (UnsafeRawBufferPointer) -> Void) throws(SpillError) {
        guard case .lines = keep else { preconditionFailure("forEachLine is for a collector of lines; a table's are writeTable's") }
        if let spillError { throw spillError }
        try sorter.forEachSorted { body(OverdueRecord.payload($0)) }
    }

    /// The table of the rows kept, in the same order as `forEachLine`, a line at a time (the
    /// bytes valid during the call): for a collector that keeps `.table`. With `colour`,
    /// overdue rows are red and due-soon rows amber.
    public mutating func writeTable(header: Bool, colour: Bool, to write: (UnsafeRawBufferPointer) -> Void) throws(SpillError) {
        guard let table else { preconditionFailure("writeTable is for a collector that keeps a table") }
        if let spillError { throw spillError }
        let widths = table.columnWidths(header: header)
        if header { table.writeHeader(widths: widths, to: write) }
        var line: [UInt8] = []
        try sorter.forEachSorted { table.writeRow(OverdueRecord.payload($0), widths: widths, colour: colour, line: &line, to: write) }
    }
}

/// The plans' paths in the order read. Shared by the collector, which adds to it, and its
/// sorter's order, which compares rows of different plans by path.
private final class PlanPaths {
    var paths: [String] = []
}

/// How a kept row is laid out as bytes: a header with what orders rows of equal days
/// overdue (plan number, milestone, ref), then the payload that prints.
private enum OverdueRecord {
    /// plan (4 bytes), milestone (4, 0 for the action's own deadline), ref length (4).
    static let headerSize = 12

    static func appendHeader(plan: Int, row: OverdueRow, to out: inout [UInt8]) {
        append(UInt32(truncatingIfNeeded: plan), to: &out)
        append(UInt32(truncatingIfNeeded: row.milestone ?? 0), to: &out)
        append(UInt32(truncatingIfNeeded: row.ref.utf8.count), to: &out)
        out.append(utf8: row.ref)
    }

    /// Plan (by path), then ref (naturally: 1.2 before 1.10), then milestone: `OverdueQuery.order` after days.
    static func before(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, plans: PlanPaths) -> Bool {
        let pa = Int(field(a, 0)), pb = Int(field(b, 0))
        if pa != pb, pa < plans.paths.count, pb < plans.paths.count, plans.paths[pa] != plans.paths[pb] {
            return plans.paths[pa] < plans.paths[pb]
        }
        let order = NaturalOrder.compare(ref(a), ref(b))
        if order != 0 { return order < 0 }
        return field(a, 4) < field(b, 4)
    }

    static func payload(_ record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = min(record.count, headerSize + Int(field(record, 8)))
        return UnsafeRawBufferPointer(rebasing: record[start...])
    }

    private static func ref(_ record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let end = min(record.count, headerSize + Int(field(record, 8)))
        return UnsafeRawBufferPointer(rebasing: record[min(headerSize, end)..<end])
    }

    private static func field(_ record: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 { RecordBytes.uint32(record, at: offset) }

    private static func append(_ n: UInt32, to out: inout [UInt8]) { RecordBytes.append(n, to: &out) }
}
