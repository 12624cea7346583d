/// Seed 000 (Southend CYPP 2018–2020): Markdown pipe tables that PDF extraction broke at
/// every page. A table whose header cells are all empty is the next page of the table
/// above; its first row, when it has no due date, is the rest of the row the page cut.
/// Outcome and section headings may sit in prose, glued to other text, or inside a table;
/// `DRAFT` page marks become `status: DRAFT`; the BRAG key table becomes a section.
struct PipeTableLayout {
    private let document: ImportDocument
    private var draft = PlanDraft()
    private var ledger = LineLedger()
    private var notes: [ImportNote] = []
    private var headers: [String] = []
    private var kinds: [ColumnKind] = []
    /// The table continues on a new page: its first row may finish the last action.
    private var afterPageBreak = false
    /// After a heading inside a table, one-cell rows are prose until a header row.
    private var proseRows = false
    private var inKey = false
    private var key: (left: [String], right: [String]) = ([], [])

    static func read(_ document: ImportDocument) -> ImportResult {
        var reader = PipeTableLayout(document: document)
        reader.run()
        return ImportResult(plan: reader.draft.plan(document), layout: .pipeTable,
                            unplaced: reader.ledger.unplaced(in: document), notes: reader.notes)
    }

    private init(document: ImportDocument) { self.document = document }

    private mutating func run() {
        let lines = document.lines
        let block = draft.start(from: document, ledger: &ledger)
        var i = block.end
        while i < lines.count {
            let line = lines[i]
            let t = line.trimmed
            i += 1
            guard t.hasPrefix("|") else {
                if !line.isDecoration { prose(t, line.number) }
                continue
            }
            let cells = PipeCells.split(t)
            if i < lines.count, PipeCells.isDelimiter(lines[i].trimmed) {
                header(cells, line.number)
                i += 1
            } else if PipeCells.isDelimiter(t) {
                continue
            } else {
                row(cells, line.number)
            }
        }
        if inKey { finishKey() }
    }

    private mutating func header(_ cells: [String], _ line: Int) {
        if cells.allSatisfy(\.isEmpty) {
            ledger.use(line)
            afterPageBreak = !inKey && !kinds.isEmpty
        } else if isHeaderRow(cells) {
            ledger.use(line)
            setColumns(cells)
        } else {
            row(cells, line)  // a header-shaped first row that is really content
        }
    }

    private func isHeaderRow(_ cells: [String]) -> Bool {
        let found = cells.filter { !$0.isEmpty }.map(ColumnKind.recognise)
        return found.contains(.action) && !found.contains(.extra)
    }

    private mutating func setColumns(_ cells: [String]) {
        headers = cells
        kinds = cells.map { c in
            let k = ColumnKind.recognise(c)
            return [.outcome, .outcomeSection, .planTitle, .planMetadata].contains(k) ? .extra : k
        }
        proseRows = false
        afterPageBreak = false
    }

    private func cell(_ kind: ColumnKind, _ cells: [String]) -> String {
        guard let i = kinds.firstIndex(of: kind), i < cells.count else { return "" }
        return cells[i]
    }

    private mutating func row(_ cells: [String], _ line: Int) {
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        if filled.isEmpty { ledger.use(line); return }
        if inKey { keyRow(cells, line); return }
        if filled == [0] {
            if startOutcome(cells[0], line) || startSection(cells[0], line) { return }
            if proseRows { draft.addParagraph(cells[0]); ledger.use(line); return }
        }
        if isHeaderRow(cells) { setColumns(cells); ledger.use(line); return }
        guard !kinds.isEmpty, let outcome = draft.outcomes.last else { return }
        proseRows = false
        let continuesAfterBreak = afterPageBreak && cell(.due, cells).isEmpty
        afterPageBreak = false
        // A row with no action text has nothing to start: it can only finish the row above.
        if continuesAfterBreak || cell(.action, cells).isEmpty, let last = draft.lastAction {
            let (kinds, headers) = (self.kinds, self.headers)
            draft.updateLastAction { a in Self.join(cells, into: &a, kinds: kinds, headers: headers) }
            let why = continuesAfterBreak ? "across a page break" : "(its Action cell is empty)"
            notes.append(ImportNote(line: line, "row continues action \(last.ref) \(why); rejoined"))
            ledger.use(line)
            return
        }
        var action = ActionDraft(ref: "\(outcome.ref).\(outcome.actions.count + 1)", text: cell(.action, cells), line: line)
        let ref = cell(.ref, cells)
        if !ref.isEmpty { action.ref = ref }
        action.due = cell(.due, cells)
        action.start = cell(.start, cells)
        action.owner = cell(.owner, cells)
        action.narrative = cell(.narrative, cells)
        action.progress = rating(cell(.progress, cells), line)
        action.impact = rating(cell(.impact, cells), line)
        let milestone = cell(.milestone, cells)
        if !milestone.isEmpty { action.milestones.append(MilestoneDraft(text: milestone, line: line)) }
        for (i, kind) in kinds.enumerated() where kind == .extra { action.setExtra(headers[i], i < cells.count ? cells[i] : "") }
        draft.addAction(action)
        ledger.use(line)
    }

    /// The rest of a row a page break cut: each cell's text goes on after the same column's.
    private static func join(_ cells: [String], into action: inout ActionDraft, kinds: [ColumnKind], headers: [String]) {
        func cell(_ kind: ColumnKind) -> String {
            guard let i = kinds.firstIndex(of: kind), i < cells.count else { return "" }
            return cells[i]
        }
        action.text = ImportText.join(action.text, cell(.action))
        action.due = ImportText.join(action.due, cell(.due))
        action.owner = ImportText.join(action.owner, cell(.owner))
        action.narrative = ImportText.join(action.narrative, cell(.narrative))
        for (i, kind) in kinds.enumerated() where kind == .extra && i < cells.count && !cells[i].isEmpty {
            action.setExtra(headers[i], ImportText.join(action.extra(headers[i]) ?? "", cells[i]))
        }
    }

    private mutating func rating(_ text: String, _ line: Int) -> Rating? {
        switch Rating.parse(text) {
        case .success(let r): return r
        case .failure(let e):
            notes.append(ImportNote(line: line, "rating '\(e.text)' is not a BRAG colour; left unrated"))
            return nil
        }
    }

    private mutating func startOutcome(_ text: String, _ line: Int) -> Bool {
        guard let (ref, title) = ImportText.groupHeading(text) else { return false }
        draft.startOutcome(ref: ref, title: title, line: line)
        ledger.use(line)
        proseRows = true
        afterPageBreak = false
        return true
    }

    private mutating func startSection(_ text: String, _ line: Int) -> Bool {
        guard let found = KnownSections.find(in: text, titles: KnownSections.outcomeTitles) else { return false }
        if !found.before.isEmpty, !startOutcome(found.before, line) { return false }
        draft.startSection(found.title)
        draft.addParagraph(found.after)
        ledger.use(line)
        return true
    }

    private mutating func prose(_ t: String, _ line: Int) {
        let lower = t.lowercased()
        if lower == "draft" {
            draft.setMetadata("status", "DRAFT")
        } else if lower == "brag rating" || lower == "brag key" {
            draft.returnToPlan()
            draft.startSection("BRAG rating")
            inKey = true
        } else if startSection(t, line) || startOutcome(t, line) {
            return
        } else if let found = KnownSections.find(in: t, titles: KnownSections.planTitles), found.before.isEmpty {
            draft.startSection(found.title)
            draft.addParagraph(found.after)
        } else {
            draft.addParagraph(t)
        }
        ledger.use(line)
    }

    /// `| RED | <p>…</p> <p>…</p> | BLUE | <p>…</p> |`: two colour/meaning pairs per row,
    /// the left column read first (Red, Amber, Green, then Blue, Grey).
    private mutating func keyRow(_ cells: [String], _ line: Int) {
        var understood = false
        for (side, start) in [(0, 0), (1, 2)] where start + 1 < cells.count && !cells[start].isEmpty {
            guard case .success(let colour?) = Rating.parse(cells[start]) else { continue }
            let meaning = HTMLFragment.items(cells[start + 1]).map(\.text).joined(separator: "; ")
            let entry = "- **\(colour.rawValue)** — \(meaning)"
            if side == 0 { key.left.append(entry) } else { key.right.append(entry) }
            understood = true
        }
        if understood { ledger.use(line) }
    }

    private mutating func finishKey() {
        draft.addParagraph((key.left + key.right).joined(separator: "\n"))
    }
}
