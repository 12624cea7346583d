/// Reads a CSV plan: one row per action or milestone continuation, grouped by an
/// Outcome (Priority, Pillar…) column; plan title and metadata from their own columns.
public enum CSVPlanReader {
    public static func read(_ source: SourceText) -> (plan: Plan, diagnostics: [Diagnostic]) {
        var plan = Plan(title: "", path: source.path, format: .csv)
        var diagnostics: [Diagnostic] = []
        var scanner = CSVScanner(bytes: source.bytes, start: source.contentStart)
        // An empty file is reported once, by PlanLoader.
        guard let headerRecord = scanner.next() else { return (plan, diagnostics) }
        let header = row(headerRecord, source)
        let columns = ColumnMap.resolve(header, allowed: { _ in true }, diagnostics: &diagnostics)
        guard columns.has(.action) else {
            diagnostics.append(Diagnostic(.missingActionColumn, at: header.location,
                "header has no Action column (found: \(header.cells.map { "'\($0.text)'" }.joined(separator: ", ")))"))
            report(scanner.problems, source, into: &diagnostics)
            return (plan, diagnostics)
        }
        if !columns.has(.ref) {
            diagnostics.append(Diagnostic(.derivedRefs, at: header.location,
                "header has no Ref column; refs are numbered by position and change if rows move"))
        }
        var assembler = ActionAssembler(columns: columns)
        var outcomeIndex: [String: Int] = [:]
        var current: Int?
        while let record = scanner.next() {
            if record.isBlank { continue }
            let r = row(record, source)
            for (i, kind) in columns.kinds.enumerated() where i < r.cells.count && !r.cells[i].text.isEmpty {
                switch kind {
                case .planTitle where plan.title.isEmpty: plan.title = r.cells[i].text
                case .planMetadata where plan.metadata(columns.headers[i]) == nil:
                    plan.metadata.append(ExtraField(name: columns.headers[i], value: r.cells[i].text))
                default: break
                }
            }
            if let oi = columns.index(of: .outcome), oi < r.cells.count, !r.cells[oi].text.isEmpty {
                let name = r.cells[oi].text.collapsingWhitespace()
                if let existing = outcomeIndex[name] {
                    current = existing
                } else {
                    let (ref, title) = OutcomeHeading.parse(name, fallbackRef: String(plan.outcomes.count + 1))
                    plan.outcomes.append(Outcome(ref: ref, title: title, location: r.cells[oi].location))
                    current = plan.outcomes.count - 1
                    outcomeIndex[name] = current
                }
            }
            if current == nil {
                if columns.has(.outcome) {
                    diagnostics.append(Diagnostic(.missingOutcome, at: r.location,
                        "row names no outcome and no row above it does; grouped under '(no outcome)'"))
                }
                plan.outcomes.append(Outcome(ref: "0", title: "(no outcome)", location: r.location))
                current = plan.outcomes.count - 1
            }
            guard let o = current else { continue }
            for (i, kind) in columns.kinds.enumerated() where kind == .outcomeSection && i < r.cells.count {
                let title = columns.headers[i], text = r.cells[i].text
                if !text.isEmpty, !plan.outcomes[o].sections.contains(where: { $0.title == title }) {
                    plan.outcomes[o].sections.append(Section(title: title, text: text))
                }
            }
            assembler.add(r, outcomeRef: plan.outcomes[o].ref, to: &plan.outcomes[o].actions)
        }
        diagnostics += assembler.diagnostics
        report(scanner.problems, source, into: &diagnostics)
        if plan.title.isEmpty {
            plan.title = PlanTitle.fromFileName(source.path)
            if !columns.has(.planTitle) {
                diagnostics.append(Diagnostic(.missingTitle, at: header.location,
                    "no Plan column gives the plan a title; using '\(plan.title)'"))
            }
        }
        return (plan, diagnostics)
    }

    private static func row(_ record: CSVRecord, _ source: SourceText) -> TableRow {
        let cells = record.fields.map { f in
            TableCell(text: String(f.text.trimmingWhitespace()), range: f.range,
                      location: source.location(line: f.line, offset: f.range.lowerBound, lineStart: f.lineStart))
        }
        return TableRow(cells: cells, location: SourceLocation(file: source.path, line: record.line))
    }

    private static func report(_ problems: [CSVProblem], _ source: SourceText, into diagnostics: inout [Diagnostic]) {
        for p in problems.prefix(100) {
            let at = source.location(line: p.line, offset: p.offset, lineStart: p.lineStart)
            switch p.kind {
            case .unterminatedQuote:
                diagnostics.append(Diagnostic(.unterminatedQuote, at: at,
                    "quoted field is never closed; everything to the end of the file was read into it"))
            case .quoteInUnquotedField:
                diagnostics.append(Diagnostic(.quoteInUnquotedField, at: at,
                    "quote inside an unquoted field (RFC 4180 wants the whole field quoted); kept as text"))
            }
        }
    }
}
