/// Reads a CSV plan: one row per action or milestone continuation, grouped by an
/// Outcome (Priority, Pillar…) column; plan title and metadata from their own columns.
public enum CSVPlanReader {
    static func read<C: PlanConsumer>(_ core: consuming ReaderCore<C>) -> (Plan, [Diagnostic], C) {
        let input = core.input
        var scanner = CSVScanner(bytes: input.bytes, start: input.contentStart)
        // An empty file is reported once, by PlanLoader.
        guard let headerRecord = scanner.next() else { return finish(&core, scanner) }
        core.checkUTF8(headerRecord.range, line: headerRecord.line, lineStart: headerRecord.range.lowerBound)
        let header = row(headerRecord, input)
        var found: [Diagnostic] = []
        let columns = ColumnMap.resolve(header, allowed: { _ in true }, diagnostics: &found)
        found.forEach { core.report($0) }
        guard columns.has(.action) else {
            core.report(Diagnostic(.missingActionColumn, at: header.location,
                "header has no Action column (found: \(header.cells.map { "'\($0.text)'" }.joined(separator: ", ")))"))
            return finish(&core, scanner)
        }
        if !columns.has(.ref) {
            core.report(Diagnostic(.derivedRefs, at: header.location,
                "header has no Ref column; refs are numbered by position and change if rows move"))
        }
        core.assembler.columns = columns
        var grouping = OutcomeGrouping(columns: columns)
        // One fields array and one row, refilled for every record.
        var fields: [CSVField] = []
        fields.reserveCapacity(header.cells.count)
        var r = TableRow(cells: [], location: header.location, bytes: input.bytes)
        r.cells.reserveCapacity(header.cells.count)
        while let (line, range) = scanner.next(into: &fields) {
            core.checkUTF8(range, line: line, lineStart: range.lowerBound)
            input.release(scanner.consumed)
            if fields.allSatisfy(\.isEmpty) { continue }
            fill(&r, fields, line: line, input)
            grouping.readPlanColumns(r, into: &core.plan)
            guard let o = grouping.outcome(of: r, core: &core) else { continue }
            core.add(r, outcome: o)
        }
        if core.plan.title.isEmpty {
            let why = columns.has(.planTitle) ? "the Plan column is empty in every row" : "no Plan column gives the plan a title"
            core.report(Diagnostic(.missingTitle, at: header.location, "\(why); using '\(PlanTitle.fromFileName(input.path))'"))
        }
        return finish(&core, scanner)
    }

    private static func finish<C: PlanConsumer>(_ core: inout ReaderCore<C>, _ scanner: CSVScanner) -> (Plan, [Diagnostic], C) {
        for p in scanner.problems {
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

    private static func row(_ record: CSVRecord, _ input: ReaderInput) -> TableRow {
        var r = TableRow(cells: [], location: SourceLocation(file: input.path, line: record.line), bytes: input.bytes)
        fill(&r, record.fields, line: record.line, input)
        return r
    }

    /// Refills `r` with a record's cells, keeping its storage.
    private static func fill(_ r: inout TableRow, _ fields: [CSVField], line: Int, _ input: ReaderInput) {
        r.cells.removeAll(keepingCapacity: true)
        for f in fields {
            r.cells.append(TableCell(text: f.cellText(in: input.bytes), range: f.range, line: f.line, lineStart: f.lineStart))
        }
        r.location = SourceLocation(file: input.path, line: line)
    }
}

/// Which outcome a CSV row belongs to, and the plan-level columns on the way.
private struct OutcomeGrouping {
    let columns: ColumnMap
    private var index: [String: Int] = [:]
    private var current: Int?
    /// Plan title and metadata columns, and the outcome's prose columns: found once, not per row.
    private let planColumns: [Int], sectionColumns: [Int]

    init(columns: ColumnMap) {
        self.columns = columns
        planColumns = columns.kinds.indices.filter { [.planTitle, .planMetadata].contains(columns.kinds[$0]) }
        sectionColumns = columns.kinds.indices.filter { columns.kinds[$0] == .outcomeSection }
    }

    func readPlanColumns(_ r: TableRow, into plan: inout Plan) {
        for i in planColumns where i < r.cells.count && !r.cells[i].text.isEmpty {
            switch columns.kinds[i] {
            case .planTitle where plan.title.isEmpty: plan.title = r.cells[i].text
            case .planMetadata where plan.metadata(columns.headers[i]) == nil:
                plan.metadata.append(ExtraField(name: columns.headers[i], value: r.cells[i].text))
            default: break
            }
        }
    }

    /// The row's outcome: named in its Outcome cell, or the one above when blank.
    mutating func outcome<C>(of r: TableRow, core: inout ReaderCore<C>) -> Int? {
        if let oi = columns.index(of: .outcome), oi < r.cells.count, !r.cells[oi].text.isEmpty {
            let name = r.cells[oi].text.collapsingWhitespace()
            if let existing = index[name] {
                current = existing
            } else {
                let (ref, title) = OutcomeHeading.parse(name, fallbackRef: String(core.plan.outcomes.count + 1))
                core.addOutcome(Outcome(ref: ref, title: title, location: r.location(of: r.cells[oi])))
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
        for i in sectionColumns where i < r.cells.count {
            let title = columns.headers[i], text = r.cells[i].text
            if !text.isEmpty, !core.plan.outcomes[o].sections.contains(where: { $0.title == title }) {
                core.plan.outcomes[o].sections.append(Section(title: title, text: text))
            }
        }
        return o
    }
}
