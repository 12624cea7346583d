/// Turns table rows into actions and milestones, the same way for Markdown and CSV:
/// a row with a Ref or Action starts an action; a row with both empty continues the
/// action above it (in the same outcome) as a further milestone. An action is finished,
/// and handed back, when the next one starts.
struct ActionAssembler {
    /// The current table's columns; a Markdown file may change them between tables.
    var columns: ColumnMap
    private(set) var diagnostics: [Diagnostic] = []
    private var pending: (action: Action, outcome: Int)?
    /// Actions started per outcome, for refs derived from position.
    private var started: [Int: Int] = [:]
    /// Due texts repeat (every row of a plan says `March 2019`): parse each once.
    private var dueCache: [String: DueDate] = [:]

    init(columns: ColumnMap) {
        self.columns = columns
    }

    /// Hands over the diagnostics found so far.
    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    private func cell(_ kind: ColumnKind, _ row: TableRow) -> TableCell? {
        guard let i = columns.index(of: kind), i < row.cells.count else { return nil }
        return row.cells[i]
    }

    private func text(_ kind: ColumnKind, _ row: TableRow) -> String {
        cell(kind, row)?.text ?? ""
    }

    /// Adds a row of outcome number `outcome`; returns the previous action if this row finished it.
    mutating func add(_ row: TableRow, outcome: Int, outcomeRef: String) -> (action: Action, outcome: Int)? {
        guard row.cells.contains(where: { !$0.text.isEmpty }) else { return nil }
        reportExtraCells(row)
        let ref = text(.ref, row), actionText = text(.action, row)
        if ref.isEmpty && actionText.isEmpty {
            guard var p = pending, p.outcome == outcome else {
                diagnostics.append(Diagnostic(.orphanContinuation, at: row.location,
                    "row has no Ref or Action and there is no action above it to continue"))
                return nil
            }
            pending = nil
            continueAction(row, &p.action)
            pending = p
            return nil
        }
        let count = started[outcome, default: 0]
        started[outcome] = count + 1
        let finished = pending
        pending = (startAction(row, ref: ref, text: actionText, outcomeRef: outcomeRef, count: count), outcome)
        return finished
    }

    /// The last action, at the end of the input.
    mutating func finish() -> (action: Action, outcome: Int)? {
        defer { pending = nil }
        return pending
    }

    private mutating func startAction(_ row: TableRow, ref: String, text: String, outcomeRef: String, count: Int) -> Action {
        var ref = ref
        if ref.isEmpty {
            if columns.has(.ref) {
                // A placeholder no real ref can equal, so it never causes a duplicate-ref error too.
                ref = "(line \(row.location.line))"
                diagnostics.append(Diagnostic(.missingRef, at: row.location, "action has no ref; give it one in the Ref column"))
            } else {
                ref = "\(outcomeRef).\(count + 1)"
            }
        }
        if text.isEmpty {
            diagnostics.append(Diagnostic(.emptyAction, at: row.location, "action '\(ref)' has no action text"))
        }
        var action = Action(
            ref: ref, text: text, start: date(.start, row), due: date(.due, row) ?? DueDate(text: "", meaning: .none),
            owner: nonEmpty(self.text(.owner, row)), progress: rating(.progress, row), impact: rating(.impact, row),
            narrative: nonEmpty(self.text(.narrative, row)), extras: extras(row), location: row.location,
            cells: CellRanges(progress: cell(.progress, row)?.range, impact: cell(.impact, row)?.range,
                              narrative: cell(.narrative, row)?.range))
        let milestone = self.text(.milestone, row)
        if !milestone.isEmpty {
            action.milestones.append(Milestone(text: milestone, location: cell(.milestone, row)?.location ?? row.location))
        }
        return action
    }

    private mutating func continueAction(_ row: TableRow, _ action: inout Action) {
        let milestone = text(.milestone, row)
        let due = date(.due, row), owner = nonEmpty(text(.owner, row))
        if !milestone.isEmpty || due != nil || owner != nil {
            if milestone.isEmpty {
                diagnostics.append(Diagnostic(.milestoneWithoutText, at: row.location,
                    "continuation row has a due date or owner but no milestone text; kept as an untitled milestone "
                        + "(if a page break split the row above, join it by hand)"))
            }
            action.milestones.append(Milestone(text: milestone, due: due, owner: owner,
                location: cell(.milestone, row)?.location ?? row.location))
        }
        if let more = nonEmpty(text(.narrative, row)) {
            action.narrative = [action.narrative, more].compactMap { $0 }.joined(separator: "\n")
        }
        for kind in [ColumnKind.start, .progress, .impact] {
            if let c = cell(kind, row), !c.text.isEmpty {
                diagnostics.append(Diagnostic(.continuationCellIgnored, at: c.location,
                    "'\(c.text)' in a continuation row is ignored: only the action's own row has a \(kind) cell"))
            }
        }
        for extra in extras(row) where !extra.value.isEmpty {
            action.extras.append(extra)
        }
    }

    private mutating func date(_ kind: ColumnKind, _ row: TableRow) -> DueDate? {
        guard let c = cell(kind, row), !c.text.isEmpty else { return nil }
        let parsed: DueDate
        if let cached = dueCache[c.text] {
            parsed = cached
        } else {
            parsed = DueDateParser.parse(c.text)
            if dueCache.count < 4096 { dueCache[c.text] = parsed }
        }
        if parsed.isUnparsed {
            let what = kind == .start ? "start date" : "due date"
            diagnostics.append(Diagnostic(.unparsedDate, at: c.location, "unparsed \(what) '\(c.text)'; no deadline taken from it"))
        }
        return parsed
    }

    private mutating func rating(_ kind: ColumnKind, _ row: TableRow) -> Rating? {
        guard let c = cell(kind, row) else { return nil }
        switch Rating.parse(c.text) {
        case .success(let r): return r
        case .failure(let e):
            let field = kind == .progress ? "progress" : "impact"
            diagnostics.append(Diagnostic(.unknownRating, at: c.location,
                "unknown \(field) rating '\(e.text)' (expected Blue, Red, Amber, Green, Grey or blank)"))
            return nil
        }
    }

    private func extras(_ row: TableRow) -> [ExtraField] {
        var out: [ExtraField] = []
        for (i, c) in row.cells.enumerated() {
            if i < columns.kinds.count {
                if columns.kinds[i] == .extra { out.append(ExtraField(name: columns.headers[i], value: c.text)) }
            } else if !c.text.isEmpty {
                out.append(ExtraField(name: "column \(i + 1)", value: c.text))
            }
        }
        return out
    }

    private mutating func reportExtraCells(_ row: TableRow) {
        guard row.cells.count > columns.kinds.count,
            let first = row.cells[columns.kinds.count...].first(where: { !$0.text.isEmpty })
        else { return }
        diagnostics.append(Diagnostic(.extraCells, at: first.location,
            "row has \(row.cells.count) cells but the header has \(columns.kinds.count); extra text kept as 'column N'"))
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
