/// Seed 001 (Southend CYPP 2016–17, section 4): for each area of focus, a register of the
/// strategies that serve it, headed Action/activity/strategy/commissioning intention /
/// Lead member(s) / Governance and reporting / Oversight role / Overview of activity.
///
/// Each strategy is an action (ref `area.N`) owned by its lead member(s), with the other
/// columns kept as they are headed. Cells wrap onto following rows, across page breaks
/// too: a row continues the one above when its first cell is empty, or when the row above
/// ends mid-sentence and this one's last cell starts in lower case. A strategy listed under
/// several areas is one action, in the first area, with the others in an `Also under` column
/// (refs must be unique); listed again with different details, it stays a separate action.
struct StrategyRegisterLayout {
    private struct Row {
        var cells: [String]
        var line: Int
    }

    private let document: ImportDocument
    private var draft = PlanDraft()
    private var ledger = LineLedger()
    private var notes: [ImportNote] = []
    private var headers: [String] = []
    private var rows: [Row] = []
    /// The last line with words that is not a table row: the title of the area that follows.
    private var lastHeading: DocumentLine?

    static func read(_ document: ImportDocument) -> ImportResult {
        var reader = StrategyRegisterLayout(document: document)
        reader.run()
        return ImportResult(plan: reader.draft.plan(document), layout: .strategyRegister,
                            unplaced: reader.ledger.unplaced(in: document), notes: reader.notes)
    }

    private init(document: ImportDocument) { self.document = document }

    private mutating func run() {
        let block = draft.start(from: document, ledger: &ledger)
        for line in document.lines.dropFirst(block.end) where !line.isBlank && !line.isDecoration {
            if LayoutDetector.headerLayout(line, next: nil) == .strategyRegister {
                finishArea()
                startArea(line)
            } else if line.hasTab, !headers.isEmpty {
                add(Row(cells: line.tabCells, line: line.number))
            } else {
                finishArea()
                if !line.hasTab { lastHeading = line }
            }
        }
        finishArea()
    }

    private mutating func startArea(_ header: DocumentLine) {
        headers = header.tabCells
        ledger.use(header.number)
        let title = lastHeading.map { ImportText.withoutEmphasis($0.trimmed) } ?? ""
        let ref = String(draft.outcomes.count + 1)
        draft.startOutcome(ref: ref, title: title.isEmpty ? "Area of focus \(ref)" : title, line: lastHeading?.number ?? header.number)
        if let h = lastHeading { ledger.use(h.number) }
        lastHeading = nil
    }

    private mutating func add(_ row: Row) {
        ledger.use(row.line)
        guard let previous = rows.last else { rows.append(row); return }
        let first = row.cells.first ?? ""
        let lastText = previous.cells.last { !$0.isEmpty } ?? ""
        let thisLast = row.cells.last { !$0.isEmpty } ?? ""
        let cut = !lastText.isEmpty && !(lastText.last.map { ".!?)".contains($0) } ?? true)
        guard first.isEmpty || (cut && thisLast.first?.isLowercase == true && thisLast != first) else {
            rows.append(row)
            return
        }
        var merged = previous
        for (i, text) in row.cells.enumerated() where !text.isEmpty {
            while merged.cells.count <= i { merged.cells.append("") }
            merged.cells[i] = ImportText.join(merged.cells[i], text)
        }
        rows[rows.count - 1] = merged
        notes.append(ImportNote(line: row.line, "row continues the row of line \(previous.line) (a wrapped cell or a page break); rejoined"))
    }

    /// Turns the area's rows into actions, merging strategies already listed under an earlier area.
    private mutating func finishArea() {
        defer { rows = []; headers = [] }
        guard let area = draft.outcomes.last, !rows.isEmpty else { return }
        let lower = headers.map { $0.lowercased() }
        let ownerColumn = lower.firstIndex { $0.hasPrefix("lead member") || ColumnKind.recognise($0) == .owner }
        for row in rows {
            func cell(_ i: Int) -> String { i < row.cells.count ? HTMLFragment.text(row.cells[i]) : "" }
            let name = cell(0)
            var extras: [ExtraField] = []
            for i in headers.indices.dropFirst() where i != ownerColumn { extras.append(ExtraField(name: headers[i], value: cell(i))) }
            let owner = ownerColumn.map(cell) ?? ""
            if let (o, a) = earlier(name), draft.outcomes[o].actions[a].owner == owner,
                draft.outcomes[o].actions[a].extras.filter({ $0.name != "Also under" }) == extras
            {
                let also = draft.outcomes[o].actions[a].extra("Also under") ?? ""
                draft.outcomes[o].actions[a].setExtra("Also under", also.isEmpty ? label(area) : also + "; " + label(area))
                notes.append(ImportNote(line: row.line, "'\(name)' is already action \(draft.outcomes[o].actions[a].ref); area \(area.ref) added to its 'Also under'"))
                continue
            }
            if earlier(name) != nil {
                notes.append(ImportNote(line: row.line, "'\(name)' is listed again with different details; kept as its own action"))
            }
            var action = ActionDraft(ref: "\(area.ref).\(draft.outcomes[draft.outcomes.count - 1].actions.count + 1)", text: name, line: row.line)
            action.owner = owner
            action.extras = extras
            draft.addAction(action)
        }
    }

    private func label(_ area: OutcomeDraft) -> String { "\(area.ref) \(area.title)" }

    /// The same strategy in an earlier area, by name (case and spacing aside).
    private func earlier(_ name: String) -> (Int, Int)? {
        let key = name.lowercased().collapsingWhitespace()
        for (o, outcome) in draft.outcomes.enumerated().dropLast() {
            if let a = outcome.actions.firstIndex(where: { $0.text.lowercased().collapsingWhitespace() == key }) { return (o, a) }
        }
        return nil
    }
}
