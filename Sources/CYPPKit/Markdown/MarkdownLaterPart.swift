/// The later part of a large Markdown plan, read on another core while the caller reads the
/// earlier part. It starts at an outcome heading (`## `) near the middle: no action continues
/// into another outcome and every table has its own header, so nothing before the heading is
/// needed to read on from it. Its findings are then joined on as if read in one pass; when
/// they cannot be, the earlier reader reads on itself and this part is dropped: slower, never
/// different.
final class MarkdownLaterPart<C: PlanConsumer>: BackgroundWork, @unchecked Sendable {
    /// Offset of the heading this part starts with.
    let start: Int
    /// Its line, counted on this part's thread: read only after `wait`.
    private var line = 0
    /// The part's reader core until `run` starts, its reader after: a reader's cursor needs
    /// the line number, which is counted on this part's thread.
    private var core: ReaderCore<C>?
    private var reader: MarkdownPlanReader<C>?

    private init(start: Int, core: ReaderCore<C>) {
        self.start = start
        self.core = core
    }

    /// Starts reading the later part of `core`'s file on another thread, if the file is large
    /// enough, its consumer can take parts, and a cut is found after `from` (past the front
    /// matter).
    static func start(core: ReaderCore<C>, after from: Int) -> MarkdownLaterPart? {
        let input = core.input
        guard let consumer = core.laterPartConsumer(after: from), let cut = MarkdownCut.find(in: input.bytes, after: from)
        else { return nil }
        let laterInput = input.startingAt(cut)
        var laterCore = ReaderCore(input: laterInput, format: .markdown, consumer: consumer, owners: core.owners, split: .never)
        laterCore.expectRefs(inBytes: input.bytes.count - cut)
        let part = MarkdownLaterPart(start: cut, core: laterCore)
        part.launch()
        return part
    }

    override func run() {
        guard let core = core.take() else { return }
        line = 1 + MarkdownCut.lineFeeds(core.input, before: start)
        var reader = MarkdownPlanReader(core: core, lines: LineCursor(bytes: core.input.bytes, start: start, line: line))
        reader.run(until: reader.core.input.bytes.count)
        reader.core.finishPart()
        self.reader = reader
    }

    /// Waits for this part, then joins it onto the earlier part's reading, which has just
    /// stopped at the cut. False when they cannot be joined as one pass would have read them:
    /// the caller then reads on from where it is, as if there had been no cut.
    func join(into earlier: inout MarkdownPlanReader<C>) -> Bool {
        wait()
        // The earlier reader stops at the cut, on the line this part counted.
        guard let reader, earlier.lines.consumed == start, earlier.lines.nextLine == line else { return false }
        let later = reader.core
        // Refs from position, and a `# ` title, depend on what came before; an outcome ref
        // met on both sides would be warned about in one pass.
        guard !reader.numberedByPosition, !(reader.titledByHeading && !earlier.core.plan.title.isEmpty),
            !later.plan.outcomes.contains(where: { earlier.core.hasOutcome(ref: $0.ref) })
        else { return false }
        // The heading at the cut finishes the last action in one pass too.
        guard earlier.core.takeInConsumer(of: later) else { return false }
        for outcome in later.plan.outcomes { earlier.core.appendOutcome(outcome) }
        earlier.core.absorb(later)
        return true
    }
}

/// Finding where to cut a Markdown plan in two.
enum MarkdownCut {
    /// The first outcome heading (`## `) after the middle of `bytes[from...]`, its line ended by
    /// an LF; nil when none starts before three quarters of the way (or the file's lines end in
    /// CR alone).
    static func find(in bytes: UnsafeBufferPointer<UInt8>, after from: Int) -> Int? {
        SplitPoint.find(in: bytes, after: from) { candidate in
            guard let lf = ByteScan.first(0x0A, in: bytes, candidate..<bytes.count) else { return false }
            let end = lf > candidate && bytes[lf - 1] == 0x0D ? lf - 1 : lf  // the line as the cursor ends it
            return MarkdownLine(number: 0, start: candidate, end: end).headingLevel(in: bytes) == 2
        }
    }

    /// LFs before `end`, which number a Markdown file's lines (CR LF is one line end; a file
    /// whose lines end in CR alone has no cut). Read a chunk at a time, as for a CSV.
    static func lineFeeds(_ input: ReaderInput, before end: Int) -> Int {
        var count = 0
        input.forEachChunk(before: end) { count += ByteScan.count(0x0A, in: $0) }
        return count
    }
}
