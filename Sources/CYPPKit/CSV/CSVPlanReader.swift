/// Reads a CSV plan: one row per action or milestone continuation, grouped by an
/// Outcome (Priority, Pillar…) column; plan title and metadata from their own columns.
public enum CSVPlanReader {
    static func read<C: PlanConsumer>(_ core: consuming ReaderCore<C>) -> (Plan, [Diagnostic], C) {
        let input = core.input
        var scanner = CSVScanner(bytes: input.bytes, start: input.contentStart)
        // An empty file is reported once, by PlanLoader. Blank lines before the header are skipped.
        var first = scanner.next()
        while let record = first, record.isBlank { first = scanner.next() }
        guard let headerRecord = first else {
            if scanner.consumed > input.contentStart {
                core.report(Diagnostic(.missingActionColumn, at: SourceLocation(file: input.path, line: 1),
                    "every line is blank (or only commas): expected a header row with an Action column"))
            }
            return finish(&core, scanner.problems)
        }
        core.checkUTF8(headerRecord.range, line: headerRecord.line, lineStart: headerRecord.range.lowerBound)
        let header = row(headerRecord, input)
        var found: [Diagnostic] = []
        let columns = ColumnMap.resolve(header, allowed: { _ in true }, diagnostics: &found)
        found.forEach { core.report($0) }
        guard columns.has(.action) else {
            core.report(Diagnostic(.missingActionColumn, at: header.location,
                "header has no Action column (found: \(header.cells.map { "'\($0.text)'" }.joined(separator: ", ")))"))
            return finish(&core, scanner.problems)
        }
        if !columns.has(.ref) {
            core.report(Diagnostic(.derivedRefs, at: header.location,
                "header has no Ref column; refs are numbered by position and change if rows move"))
        }
        core.assembler.columns = columns
        var rows = CSVRows(columns: columns, input: input, skipping: core.assembler.skipped)
        // A large file's later half is read on another core meanwhile, if it can be cut.
        var problems: [CSVProblem]?
        if let later = CSVLaterPart.start(core: core, columns: columns, after: scanner.consumed) {
            core.expectRefs(inBytes: later.start - scanner.consumed)
            rows.read(&scanner, into: &core, until: later.start)
            problems = later.join(into: &core, grouping: &rows.grouping, at: scanner)
        }
        if problems == nil {
            rows.read(&scanner, into: &core, until: input.bytes.count)
            problems = scanner.problems
        }
        // The last action's problems before the file's own, as a later part read apart has them.
        core.finishPart()
        if core.plan.title.isEmpty {
            let why = columns.has(.planTitle) ? "the Plan column is empty in every row" : "no Plan column gives the plan a title"
            core.report(Diagnostic(.missingTitle, at: header.location, "\(why); using '\(PlanTitle.fromFileName(input.path))'"))
        }
        return finish(&core, problems ?? [])
    }

    private static func finish<C: PlanConsumer>(_ core: inout ReaderCore<C>, _ problems: [CSVProblem]) -> (Plan, [Diagnostic], C) {
        for p in problems {
            let at = core.location(line: p.line, offset: p.offset, lineStart: p.lineStart)
            switch p.kind {
            case .unterminatedQuote:
                core.report(Diagnostic(.unterminatedQuote, at: at,
                    "quoted field is never closed; everything to the end of the file was read into it"))
            case .quoteInUnquotedField:
                core.report(Diagnostic(.quoteInUnquotedField, at: at,
                    "quote inside an unquoted field (RFC 4180 wants the whole field quoted); kept as text"))
            }
        }
        let (plan, diagnostics) = core.finish()
        return (plan, diagnostics, core.consumer)
    }

    /// The header as a table row: the column map reads the cells of either format's header.
    private static func row(_ record: CSVRecord, _ input: ReaderInput) -> TableRow {
        let cells = record.fields.map { f in
            TableCell(text: f.cellText(in: input.bytes), range: f.range, line: f.line, lineStart: f.lineStart)
        }
        return TableRow(cells: cells, file: input.path, line: record.line, bytes: input.bytes)
    }
}

/// The records after the header, row by row into a reader's core: the loop each part of a
/// file read in two runs. One row, its fields refilled for every record and read in place.
struct CSVRows {
    var grouping: OutcomeGrouping
    private let input: ReaderInput
    /// Skips the assembler's columns, and the plan columns once the plan is complete: a copy
    /// of its own, since a CSV file's columns never change.
    private var row: CSVRecordRow
    private var planColumnsDone = false

    init(columns: ColumnMap, input: ReaderInput, skipping skipped: SkippedColumns) {
        self.grouping = OutcomeGrouping(columns: columns)
        self.input = input
        row = CSVRecordRow(file: input.path, bytes: input.bytes, skipping: skipped)
        row.fields.reserveCapacity(columns.kinds.count)
    }

    /// Reads records until the scanner reaches `end` (or the end of the file).
    mutating func read<C>(_ scanner: inout CSVScanner, into core: inout ReaderCore<C>, until end: Int) {
        while scanner.consumed < end, let (line, range) = scanner.next(into: &row.fields) {
            core.checkUTF8(range, line: line, lineStart: range.lowerBound)
            input.release(scanner.consumed)
            if row.fields.allSatisfy(\.isEmpty) { continue }
            row.line = line
            if !planColumnsDone {
                grouping.readPlanColumns(row, into: &core.plan)
                planColumnsDone = grouping.planIsComplete(core.plan)
                if planColumnsDone { row.skipped.skip(grouping.planColumns) }
            }
            guard let o = grouping.outcome(of: row, core: &core) else { continue }
            core.add(&row, outcome: o)
        }
    }
}

/// Which outcome a CSV row belongs to, and the plan-level columns on the way.
struct OutcomeGrouping {
    let columns: ColumnMap
    /// Outcome names (spacing collapsed) to their index in the plan.
    private(set) var index: [String: Int] = [:]
    /// True once an outcome's name had no number and its ref came from its position.
    private(set) var numberedByPosition = false
    private var current: Int?
    /// The outcome cell of the row that set `current`, as written: rows repeat it, and
    /// collapsing and looking up a long name again for each was a cost of every row. Its
    /// bytes: the cell is compared by its bytes (`RowCells.withTextBytes`), made a string only
    /// when they differ from the row above's.
    private var currentCell: [UInt8] = []
    /// Plan title and metadata columns, and the outcome's prose columns: found once, not per row.
    let planColumns: [Int]
    private let sectionColumns: [Int]

    init(columns: ColumnMap) {
        self.columns = columns
        planColumns = columns.kinds.indices.filter { [.planTitle, .planMetadata].contains(columns.kinds[$0]) }
        sectionColumns = columns.kinds.indices.filter { columns.kinds[$0] == .outcomeSection }
    }

    /// Names an outcome added to the plan by a later part's join.
    mutating func adopt(_ name: String, as outcome: Int) { index[name] = outcome }

    /// True once the plan columns can add nothing to `plan`: it has its title (or there is no
    /// Plan column to give one) and a value for each metadata column. Later rows' plan columns
    /// are not read.
    func planIsComplete(_ plan: Plan) -> Bool {
        (!plan.title.isEmpty || !columns.has(.planTitle))
            && planColumns.allSatisfy { columns.kinds[$0] != .planMetadata || plan.metadata(columns.headers[$0]) != nil }
    }

    func readPlanColumns(_ r: CSVRecordRow, into plan: inout Plan) {
        for i in planColumns where i < r.cellCount && r.hasText(at: i) {
            switch columns.kinds[i] {
            case .planTitle where plan.title.isEmpty: plan.title = r.text(at: i)
            case .planMetadata where plan.metadata(columns.headers[i]) == nil:
                plan.metadata.append(ExtraField(name: columns.headers[i], value: r.text(at: i)))
            default: break
            }
        }
    }

    /// The row's outcome: named in its Outcome cell, or the one above when blank.
    mutating func outcome<C>(of r: CSVRecordRow, core: inout ReaderCore<C>) -> Int? {
        if let oi = columns.index(of: .outcome), oi < r.cellCount, r.hasText(at: oi),
            current == nil || !r.withTextBytes(at: oi, { cell in currentCell.withUnsafeBufferPointer { ByteScan.equal(cell, $0) } })
        {
            currentCell.removeAll(keepingCapacity: true)
            r.withTextBytes(at: oi) { currentCell.append(contentsOf: $0) }
            // Those bytes are the cell's text (`RowCells.withTextBytes`): decoded, not made again.
            let name = String(decoding: currentCell, as: UTF8.self).collapsingWhitespace()
            if let existing = index[name] {
                current = existing
            } else {
                // Collapsed again inside, as it always was: a second collapse is not always a
                // no-op (a tab before a joining mark becomes a space and the mark, then nothing).
                let numbered = OutcomeHeading.numbered(name)
                if numbered == nil { numberedByPosition = true }
                let (ref, title) = numbered ?? (String(core.plan.outcomes.count + 1), name)
                core.addOutcome(Outcome(ref: ref, title: title, location: r.location(at: oi)))
                current = core.plan.outcomes.count - 1
                index[name] = current
            }
        }
        if current == nil {
            if columns.has(.outcome) {
                core.report(Diagnostic(.missingOutcome, at: r.location,
                    "row names no outcome and no row above it does; grouped under '(no outcome)'"))
            }
            core.appendOutcome(Outcome(ref: "0", title: "(no outcome)", location: r.location))
            current = core.plan.outcomes.count - 1
        }
        guard let o = current else { return nil }
        // Made only for the outcome's first row that has it: later rows repeat it.
        for i in sectionColumns where i < r.cellCount && r.hasText(at: i) {
            let title = columns.headers[i]
            if !core.plan.outcomes[o].sections.contains(where: { $0.title == title }) {
                core.plan.outcomes[o].sections.append(Section(title: title, text: r.text(at: i)))
            }
        }
        return o
    }
}
