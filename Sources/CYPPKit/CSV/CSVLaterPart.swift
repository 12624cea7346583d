/// The later part of a large CSV plan, read on another core while the caller reads the
/// earlier part. It starts at a record near the middle that starts an action and names its
/// outcome, so nothing before it is needed to read it; which records those are depends on
/// quotes before the cut, so the cut is a guess that the earlier part's reader confirms by
/// arriving there exactly. Then this part's findings are joined on as if read in one pass;
/// when they cannot be (or the guess was wrong) the earlier reader reads on itself and this
/// part is dropped: slower, never different.
final class CSVLaterPart<C: PlanConsumer>: BackgroundWork, @unchecked Sendable {
    /// Offset of the record this part starts with.
    let start: Int
    /// Its line, counted on this part's thread: read only after `wait`.
    private var line = 0
    private var core: ReaderCore<C>
    private var rows: CSVRows
    private var problems: [CSVProblem] = []

    private init(start: Int, core: ReaderCore<C>, rows: CSVRows) {
        self.start = start
        self.core = core
        self.rows = rows
    }

    /// Starts reading the later part of `core`'s file on another thread, if the file is large
    /// enough, its consumer can take parts, and a cut is found; `from` is where the records
    /// after the header start. Refs by position (no Ref column) need every earlier row: no cut.
    static func start(core: ReaderCore<C>, columns: ColumnMap, after from: Int) -> CSVLaterPart? {
        let input = core.input
        guard columns.has(.ref), columns.has(.outcome), let consumer = core.laterPartConsumer(after: from),
            let cut = CSVCut.find(in: input.bytes, after: from, columns: columns)
        else { return nil }
        let laterInput = input.startingAt(cut)
        var laterCore = ReaderCore(input: laterInput, format: .csv, consumer: consumer, owners: core.owners, split: .never)
        laterCore.assembler.columns = columns
        laterCore.expectRefs(inBytes: input.bytes.count - cut)
        let part = CSVLaterPart(start: cut, core: laterCore, rows: CSVRows(columns: columns, input: laterInput,
                                                                             skipping: laterCore.assembler.skipped))
        part.launch()
        return part
    }

    override func run() {
        line = 1 + CSVCut.lineBreaks(core.input, before: start)
        var scanner = CSVScanner(bytes: core.input.bytes, start: start, line: line)
        rows.read(&scanner, into: &core, until: core.input.bytes.count)
        core.finishPart()
        problems = scanner.problems
    }

    /// Waits for this part, then joins it onto the earlier part's reading, which `scanner` has
    /// just stopped at the cut. Returns both parts' CSV problems when joined; nil when not (the
    /// caller then reads on from where it is, as if there had been no cut).
    func join(into earlier: inout ReaderCore<C>, grouping: inout OutcomeGrouping, at scanner: CSVScanner) -> [CSVProblem]? {
        wait()
        // A cut inside a quoted field is not where a record of the earlier part ends.
        guard scanner.consumed == start, scanner.line == line, !rows.grouping.numberedByPosition else { return nil }
        var names = [String?](repeating: nil, count: core.plan.outcomes.count)
        for (name, i) in rows.grouping.index where i < names.count { names[i] = name }
        // An outcome new to the later part whose ref an earlier one has would be warned about
        // differently in one pass.
        for (i, name) in names.enumerated() {
            guard let name else { return nil }
            if grouping.index[name] == nil, earlier.hasOutcome(ref: core.plan.outcomes[i].ref) { return nil }
        }
        // The record at the cut starts an action, so reading on would finish the pending one here too.
        guard earlier.takeInConsumer(of: core) else { return nil }
        for (i, outcome) in core.plan.outcomes.enumerated() {
            guard let name = names[i] else { continue }
            if let mine = grouping.index[name] {
                for s in outcome.sections where !earlier.plan.outcomes[mine].sections.contains(where: { $0.title == s.title }) {
                    earlier.plan.outcomes[mine].sections.append(s)
                }
            } else {
                earlier.appendOutcome(outcome)
                grouping.adopt(name, as: earlier.plan.outcomes.count - 1)
            }
        }
        earlier.absorb(core)
        return Array((scanner.problems + problems).prefix(CSVScanner.keptProblems))
    }
}

/// Finding where to cut a CSV plan in two.
enum CSVCut {
    /// The first line start after the middle of `bytes[from...]` whose record starts an action
    /// and names its outcome; nil when none does before three quarters of the way.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, after from: Int, columns: ColumnMap) -> Int? {
        var fields: [CSVField] = []
        func text(_ kind: ColumnKind) -> String {
            guard let k = columns.index(of: kind), k < fields.count else { return "" }
            return fields[k].cellText(in: bytes)
        }
        return SplitPoint.find(in: bytes, after: from) { candidate in
            var scanner = CSVScanner(bytes: bytes, start: candidate)
            return scanner.next(into: &fields) != nil && !text(.outcome).isEmpty && (!text(.ref).isEmpty || !text(.action).isEmpty)
        }
    }

    /// Line breaks before `end` as the scanner counts them: LF, CR LF and a lone CR, one each;
    /// that is every LF and CR, less a CR followed by an LF. Read a chunk at a time.
    static func lineBreaks(_ input: ReaderInput, before end: Int) -> Int {
        var count = 0
        var previous: UInt8 = 0  // the byte before the chunk
        input.forEachChunk(before: end) { chunk in
            guard !chunk.isEmpty else { return }
            if previous == 0x0D, chunk[0] == 0x0A { count -= 1 }
            // The later part waits for this count before it reads: the bytes are found by memchr.
            count += ByteScan.count(0x0A, in: chunk)
            // A CR followed by an LF in the chunk was counted with the LF.
            count += ByteScan.count(0x0D, in: chunk) { cr in cr + 1 < chunk.count && chunk[cr + 1] == 0x0A }
            previous = chunk[chunk.count - 1]
        }
        return count
    }
}
