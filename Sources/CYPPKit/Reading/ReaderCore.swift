/// What both readers share while reading: the plan so far, its diagnostics, the pending
/// action, duplicate refs, and the consumer finished actions go to.
struct ReaderCore<Consumer: PlanConsumer> {
    let input: ReaderInput
    var plan: Plan
    private(set) var diagnostics: [Diagnostic] = []
    /// Every problem counts, but a file with a million bad cells keeps only the first ones.
    private var dropped = 0
    static var keptDiagnostics: Int { 10_000 }
    var consumer: Consumer
    var assembler: ActionAssembler
    /// Set when the plan's folder has an owners file.
    var owners: UnresolvedOwners?
    private var refs: RefIndex
    /// Outcome refs seen, to their outcome's index: a plan of 20,000 outcomes is not searched 20,000 times.
    private var outcomeRefs: [String: Int] = [:]
    private var reportedInvalidUTF8 = false
    private(set) var actionCount = 0
    /// When a file is large enough to read in two parts, one per core.
    let split: SplitPolicy
    /// True once an outcome was given a ref another outcome has (and warned about).
    private var outcomeRefsClashed = false

    init(input: ReaderInput, format: Plan.Format, consumer: Consumer, owners: UnresolvedOwners? = nil,
         split: SplitPolicy = .automatic) {
        self.input = input
        self.owners = owners
        self.plan = Plan(title: "", path: input.path, format: format)
        self.refs = RefIndex(expected: Self.expectedRefs(inBytes: input.bytes.count))
        self.consumer = consumer
        self.assembler = ActionAssembler(columns: ColumnMap(headers: [], kinds: []))
        self.assembler.reads = consumer.reads
        self.split = split
    }

    /// Generated and real plans run 150–250 bytes an action: 200 sizes the ref index for most
    /// without growing it (the benchmark plans run 221 and 245).
    static func expectedRefs(inBytes count: Int) -> Int { count / 200 }

    /// Sizes the ref index for a part of the file: only before the first action.
    mutating func expectRefs(inBytes count: Int) {
        refs = RefIndex(expected: Self.expectedRefs(inBytes: count))
    }

    /// True when an outcome read so far has this ref.
    func hasOutcome(ref: String) -> Bool { outcomeRefs[ref] != nil }

    /// Starts an outcome; a ref another outcome already has is worth a warning, because
    /// `--outcome REF` would then pick both.
    mutating func addOutcome(_ outcome: Outcome) {
        if let i = outcomeRefs[outcome.ref] {
            outcomeRefsClashed = true
            let other = plan.outcomes[i]
            report(Diagnostic(.duplicateOutcomeRef, at: outcome.location,
                "outcome ref '\(outcome.ref)' is also the ref of '\(other.title)' (line \(other.location.line)); number the headings"))
        }
        appendOutcome(outcome)
    }

    /// Starts an outcome with no duplicate-ref warning: the '(no outcome)' group.
    mutating func appendOutcome(_ outcome: Outcome) {
        if outcomeRefs[outcome.ref] == nil { outcomeRefs[outcome.ref] = plan.outcomes.count }
        plan.outcomes.append(outcome)
    }

    /// Adds a row to the action being assembled; a finished action goes to the consumer.
    /// The row's ref, action and milestone texts are moved into the action (see `RowCells.takeText`).
    /// One overload per kind of row, not a generic: this core is generic in its consumer and
    /// runs unspecialised (its callers are in another module), so a generic row here was not
    /// specialised either, and every cell read was an indirect call.
    mutating func add(_ row: inout TableRow, outcome: Int) {
        emitAndReport(assembler.add(&row, outcome: outcome, outcomeRef: plan.outcomes[outcome].ref))
    }

    mutating func add(_ row: inout CSVRecordRow, outcome: Int) {
        emitAndReport(assembler.add(&row, outcome: outcome, outcomeRef: plan.outcomes[outcome].ref))
    }

    private mutating func emitAndReport(_ done: consuming (action: Action, outcome: Int)?) {
        if let done { emit(done) }
        if !assembler.diagnostics.isEmpty { for d in assembler.takeDiagnostics() { report(d) } }
    }

    /// Refs queued for the index are inserted first, so its findings keep their place in file order.
    mutating func report(_ d: Diagnostic) {
        flushRefs()
        keep(d)
    }

    private mutating func keep(_ d: Diagnostic) {
        if diagnostics.count < Self.keptDiagnostics { diagnostics.append(d) } else { dropped += 1 }
    }

    private mutating func flushRefs() {
        for (ref, first) in refs.flush() {
            keep(Diagnostic(.duplicateRef, at: SourceLocation(file: input.path, line: ref.line),
                "duplicate ref '\(ref.ref)' (first used on line \(first)); refs must be unique in a plan"))
        }
    }

    /// The end of the file (or of a scope a continuation may not cross).
    mutating func flush() {
        if let done = assembler.finish() { emit(done) }
    }

    private mutating func emit(_ done: (action: Action, outcome: Int)) {
        // A batch of refs at a time (see `RefIndex.flush`); a repeat's location is made again
        // from its line, which is where every action is (its row, column 1).
        assert(done.action.location == SourceLocation(file: input.path, line: done.action.location.line))
        if refs.add(done.action.ref, line: done.action.location.line) { flushRefs() }
        actionCount += 1
        owners?.note(done.action)
        consumer.consume(done.action, outcome: done.outcome, in: plan)
    }

    /// The last action finished, and the assembler's findings taken: at the end of a part, or
    /// where no action may continue (a Markdown outcome heading).
    mutating func finishAction() {
        flush()
        for d in assembler.takeDiagnostics() { report(d) }
    }

    /// The end of a part: its last action finished, and every ref queued checked.
    mutating func finishPart() {
        finishAction()
        flushRefs()
    }

    /// A consumer for the later part of this core's file, to be read on another core, when the
    /// rows from `from` on are large enough and a second core is there; nil to read in one piece.
    func laterPartConsumer(after from: Int) -> Consumer? {
        guard input.bytes.count - from >= split.minimumBytes, !split.needsSpareCore || CoreCount.hasSpare else { return nil }
        return consumer.laterPart(plan: input.path)
    }

    /// The first step of joining a later part on, once this part has stopped at the cut: the
    /// last action finished (what is at the cut finishes it in one pass too), then the later
    /// part's consumer taken in. False when the two cannot be joined as one pass would read them
    /// (the consumer is then unchanged); the format's reader then joins the outcomes, and
    /// `absorb` the rest.
    mutating func takeInConsumer(of later: ReaderCore) -> Bool {
        finishPart()
        return canAbsorb(later) && consumer.absorb(later.consumer)
    }

    /// True when what the reader of the file's later part found can be joined on as if read
    /// in one pass. A ref used in both parts, an outcome ref clash in the later part, or bad
    /// UTF-8 in both would be reported differently (out of order, twice, or with another
    /// first line), so such a file is read on in one pass instead.
    private func canAbsorb(_ later: ReaderCore) -> Bool {
        !later.outcomeRefsClashed && !(reportedInvalidUTF8 && later.reportedInvalidUTF8) && !refs.sharesRef(with: later.refs)
    }

    /// Joins on what the reader of the later part found (when `canAbsorb`): the title and plan
    /// metadata if this part has none, its problems, in the order found, its owners and its
    /// count. Its consumer and outcomes are joined first, by the format's reader.
    mutating func absorb(_ later: ReaderCore) {
        if plan.title.isEmpty { plan.title = later.plan.title }
        for m in later.plan.metadata where plan.metadata(m.name) == nil { plan.metadata.append(m) }
        for d in later.diagnostics { report(d) }
        dropped += later.dropped
        reportedInvalidUTF8 = reportedInvalidUTF8 || later.reportedInvalidUTF8
        actionCount += later.actionCount
        if let theirs = later.owners { owners?.absorb(theirs) }
    }

    /// Checks a span once; only the first invalid sequence in a file is reported.
    mutating func checkUTF8(_ range: Range<Int>, line: Int, lineStart: Int) {
        guard !reportedInvalidUTF8, let bad = UTF8Check.firstInvalid(input.bytes, range) else { return }
        reportedInvalidUTF8 = true
        report(Diagnostic(.invalidUTF8, at: location(line: line, offset: bad, lineStart: lineStart), Self.notUTF8(input.bytes, at: bad)))
    }

    /// What to tell someone whose file is not UTF-8 text: Excel's "Unicode Text" is UTF-16.
    static func notUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at bad: Int) -> String {
        let bom = bytes.count >= 2 ? (bytes[0], bytes[1]) : (0, 0)
        if bom == (0xFF, 0xFE) || bom == (0xFE, 0xFF) {
            return "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
        }
        if bytes[bad] == 0 {
            return "NUL byte here: this is not UTF-8 text (a UTF-16 or binary file?); save it as UTF-8"
        }
        return "invalid UTF-8 here; save the file as UTF-8 (the bad bytes read as U+FFFD)"
    }

    func location(line: Int, offset: Int, lineStart: Int) -> SourceLocation {
        SourceLocation(file: input.path, line: line, column: ByteScan.column(of: offset, lineStart: lineStart, in: input.bytes))
    }

    /// Plan-level checks that need the whole file read; returns the plan and diagnostics.
    mutating func finish() -> (Plan, [Diagnostic]) {
        finishPart()
        for d in owners?.diagnostics ?? [] { report(d) }
        if dropped > 0 {
            diagnostics.append(Diagnostic(.tooManyProblems, at: SourceLocation(file: input.path, line: 1),
                "\(dropped) more problems not listed; fix the ones above and check again"))
        }
        plan = plan.titledFromFileIfUntitled
        if actionCount == 0 && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.noActions, at: SourceLocation(file: input.path, line: 1),
                "plan has no actions (no table with an Action column under a '##' outcome)"))
        }
        return (plan, diagnostics)
    }
}
