/// Turns table rows into actions and milestones, the same way for Markdown and CSV:
/// a row with a Ref or Action starts an action; a row with both empty continues the
/// action above it (in the same outcome) as a further milestone. An action is finished,
/// and handed back, when the next one starts.
struct ActionAssembler {
    /// The current table's columns; a Markdown file may change them between tables.
    var columns: ColumnMap { didSet { skipped = columns.skipping(reads) } }
    /// What the consumer reads: actions have no narrative or extras unless it reads them.
    var reads: ActionParts = .all { didSet { skipped = columns.skipping(reads) } }
    /// Columns whose cells are read without their text: those of parts not read.
    private(set) var skipped = SkippedColumns.nothing
    private(set) var diagnostics: [Diagnostic] = []
    /// The action being assembled, moved rather than copied as its continuation rows come:
    /// copying an action (a dozen strings) in and out for each row was a cost of every row.
    private var pending: Action?
    private var pendingOutcome = 0
    /// Actions started per outcome (by index), for refs derived from position.
    private var started: [Int] = []
    /// Due and start texts repeat (every row of a plan says `March 2019`): each distinct text
    /// is parsed once, looked up by its bytes (a cell left as bytes, or the decoded text), so a
    /// date keeps its own cell's spelling.
    private var dueMemo = ByteMemo<DueDate>()
    /// Owner cells as written, one string for each distinct one.
    private var ownerMemo = ByteMemo<String>()
    /// Rating cells, parsed once per distinct text (`green`, `Green `, `Purple`).
    private var ratingMemo = ByteMemo<Result<Rating?, UnknownRating>>()

    init(columns: ColumnMap) {
        self.columns = columns
        skipped = columns.skipping(reads)
    }

    /// Hands over the diagnostics found so far.
    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    /// Where the row's `kind` cell is, if it has one; the cell itself is read in place.
    private func index<Row: RowCells>(_ kind: ColumnKind, _ row: Row) -> Int? {
        guard let i = columns.index(of: kind), i < row.cellCount else { return nil }
        return i
    }

    private func text<Row: RowCells>(_ kind: ColumnKind, _ row: Row) -> String {
        index(kind, row).map { row.text(at: $0) } ?? ""
    }

    /// The same text moved out of the row, for the action or milestone that keeps it.
    private func take<Row: RowCells>(_ kind: ColumnKind, _ row: inout Row) -> String {
        index(kind, row).map { row.takeText(at: $0) } ?? ""
    }

    private func range<Row: RowCells>(_ kind: ColumnKind, _ row: Row) -> Range<Int>? {
        index(kind, row).map { row.range(at: $0) }
    }

    /// A milestone is where its text is, or its row when the row has no milestone cell.
    private func milestoneLocation<Row: RowCells>(_ row: Row) -> SourceLocation {
        index(.milestone, row).map { row.location(at: $0) } ?? row.location
    }

    /// Adds a row of outcome number `outcome`; returns the previous action if this row finished it.
    mutating func add<Row: RowCells>(_ row: inout Row, outcome: Int, outcomeRef: String) -> (action: Action, outcome: Int)? {
        guard row.hasAnyText else { return nil }
        reportExtraCells(row)
        let ref = take(.ref, &row), actionText = take(.action, &row)
        if ref.isEmpty && actionText.isEmpty {
            guard pendingOutcome == outcome, var action = pending.take() else {
                diagnostics.append(Diagnostic(.orphanContinuation, at: row.location,
                    "row has no Ref or Action and there is no action above it to continue"))
                return nil
            }
            // Moved out and back (`take` leaves nil behind), not copied.
            continueAction(&row, &action)
            pending = action
            return nil
        }
        while started.count <= outcome { started.append(0) }
        let count = started[outcome]
        started[outcome] = count + 1
        let finished = finish()
        pending = startAction(&row, ref: ref, text: actionText, outcomeRef: outcomeRef, count: count)
        pendingOutcome = outcome
        return finished
    }

    /// The last action, at the end of the input.
    mutating func finish() -> (action: Action, outcome: Int)? {
        guard let action = pending.take() else { return nil }
        return (action, pendingOutcome)
    }

    private mutating func startAction<Row: RowCells>(_ row: inout Row, ref: String, text: String, outcomeRef: String, count: Int) -> Action {
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
        // The milestone first, so the action is made whole and returned, not changed after:
        // a change made the action a copy to change, and a copy destroyed.
        let milestone = take(.milestone, &row)
        let milestones = milestone.isEmpty ? [] : [Milestone(text: milestone, location: milestoneLocation(row))]
        return Action(
            ref: ref, text: text, start: date(.start, row), due: date(.due, row) ?? DueDate(text: "", meaning: .none),
            owner: owner(row), progress: rating(.progress, row), impact: rating(.impact, row),
            narrative: narrative(row), milestones: milestones, extras: extras(row), location: row.location,
            cells: CellRanges(progress: range(.progress, row), impact: range(.impact, row),
                              narrative: range(.narrative, row)))
    }

    private mutating func continueAction<Row: RowCells>(_ row: inout Row, _ action: inout Action) {
        let milestone = take(.milestone, &row)
        let due = date(.due, row), owner = owner(row)
        if !milestone.isEmpty || due != nil || owner != nil {
            if milestone.isEmpty {
                diagnostics.append(Diagnostic(.milestoneWithoutText, at: row.location,
                    "continuation row has a due date or owner but no milestone text; kept as an untitled milestone "
                        + "(if a page break split the row above, join it by hand)"))
            }
            action.milestones.append(Milestone(text: milestone, due: due, owner: owner, location: milestoneLocation(row)))
        }
        if let more = narrative(row) {
            action.narrative = [action.narrative, more].compactMap { $0 }.joined(separator: "\n")
        }
        for kind in [ColumnKind.start, .progress, .impact] {
            if let i = index(kind, row), row.hasText(at: i) {
                diagnostics.append(Diagnostic(.continuationCellIgnored, at: row.location(at: i),
                    "'\(row.text(at: i))' in a continuation row is ignored: only the action's own row has a \(kind) cell"))
            }
        }
        for extra in extras(row) where !extra.value.isEmpty {
            action.extras.append(extra)
        }
    }

    private mutating func date<Row: RowCells>(_ kind: ColumnKind, _ row: Row) -> DueDate? {
        guard let i = index(kind, row), row.hasText(at: i) else { return nil }
        let parsed = row.withTextBytes(at: i) { text in
            dueMemo.value(for: text) { DueDateParser.parse(String(decoding: $0, as: UTF8.self)) }
        }
        if parsed.isUnparsed {
            let what = kind == .start ? "start date" : "due date"
            diagnostics.append(Diagnostic(.unparsedDate, at: row.location(at: i),
                "unparsed \(what) '\(row.text(at: i))'; no deadline taken from it"))
        }
        return parsed
    }

    /// The owner cell as written, nil when blank.
    private mutating func owner<Row: RowCells>(_ row: Row) -> String? {
        guard let i = index(.owner, row), row.hasText(at: i) else { return nil }
        return row.withTextBytes(at: i) { text in ownerMemo.value(for: text) { String(decoding: $0, as: UTF8.self) } }
    }

    private mutating func rating<Row: RowCells>(_ kind: ColumnKind, _ row: Row) -> Rating? {
        // A blank cell is no rating (what `Rating.parse` says of it), with no lookup.
        guard let i = index(kind, row), row.hasText(at: i) else { return nil }
        let parsed = row.withTextBytes(at: i) { text in
            ratingMemo.value(for: text) { Rating.parse(String(decoding: $0, as: UTF8.self)) }
        }
        switch parsed {
        case .success(let r): return r
        case .failure(let e):
            let field = kind == .progress ? "progress" : "impact"
            diagnostics.append(Diagnostic(.unknownRating, at: row.location(at: i),
                "unknown \(field) rating '\(e.text)' (expected Blue, Red, Amber, Green, Grey or blank)"))
            return nil
        }
    }

    private func narrative<Row: RowCells>(_ row: Row) -> String? {
        reads.contains(.narrative) ? nonEmpty(text(.narrative, row)) : nil
    }

    private func extras<Row: RowCells>(_ row: Row) -> [ExtraField] {
        guard reads.contains(.extras), columns.has(.extra) || row.cellCount > columns.kinds.count else { return [] }
        var out: [ExtraField] = []
        for i in 0..<row.cellCount {
            if i < columns.kinds.count {
                if columns.kinds[i] == .extra { out.append(ExtraField(name: columns.headers[i], value: row.text(at: i))) }
            } else if row.hasText(at: i) {
                out.append(ExtraField(name: "column \(i + 1)", value: row.text(at: i)))
            }
        }
        return out
    }

    private mutating func reportExtraCells<Row: RowCells>(_ row: Row) {
        guard row.cellCount > columns.kinds.count,
            let first = (columns.kinds.count..<row.cellCount).first(where: { row.hasText(at: $0) })
        else { return }
        diagnostics.append(Diagnostic(.extraCells, at: row.location(at: first),
            "row has \(row.cellCount) cells but the header has \(columns.kinds.count); extra text kept as 'column N'"))
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
