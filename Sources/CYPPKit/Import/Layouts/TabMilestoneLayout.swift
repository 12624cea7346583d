/// Seed 004 (Improvement Plan 2021–2023): `Priority One: …` groups, each with an
/// `Expected outcome once delivered:` line and a tab-separated table headed
/// Ref / Action / Start Date / Outcome / Due Date (or Date Due, Milestone Due) / Lead.
/// The Outcome column holds milestones: several per cell as `<div>`/`<p>` items, and
/// more on rows with empty Ref and Action, some with their own due date and lead.
/// Refs that lost their dot (`62` under Priority Six) get it back.
struct TabMilestoneLayout {
    private let document: ImportDocument
    private var draft = PlanDraft()
    private var ledger = LineLedger()
    private var notes: [ImportNote] = []
    private var headers: [String] = []
    private var kinds: [ColumnKind] = []

    static func read(_ document: ImportDocument) -> ImportResult {
        var reader = TabMilestoneLayout(document: document)
        reader.run()
        return ImportResult(plan: reader.draft.plan(document), layout: .tabMilestone,
                            unplaced: reader.ledger.unplaced(in: document), notes: reader.notes)
    }

    private init(document: ImportDocument) { self.document = document }

    private mutating func run() {
        let block = draft.start(from: document, ledger: &ledger)
        var inTable = false
        for line in document.lines.dropFirst(block.end) where !line.isBlank && !line.isDecoration {
            if line.hasTab {
                let cells = line.tabCells
                if isHeader(cells) {
                    setColumns(cells)
                    inTable = true
                    ledger.use(line.number)
                } else if inTable, !draft.outcomes.isEmpty {
                    row(cells, line.number)
                }
                continue
            }
            inTable = false
            prose(line.trimmed, line.number)
        }
    }

    /// The Outcome column of these tables holds milestones; the grouping is the Priority.
    private func kind(_ header: String) -> ColumnKind {
        switch ColumnKind.recognise(header) {
        case .outcome: .milestone
        case .outcomeSection, .planTitle, .planMetadata: .extra  // a table column is per action here
        case let k: k
        }
    }

    private func isHeader(_ cells: [String]) -> Bool {
        let found = cells.map(kind)
        return found.contains(.ref) && found.contains(.action)
    }

    private mutating func setColumns(_ cells: [String]) {
        headers = cells
        kinds = cells.map(kind)
    }

    private func cell(_ kind: ColumnKind, _ cells: [String]) -> String {
        guard let i = kinds.firstIndex(of: kind), i < cells.count else { return "" }
        return HTMLFragment.text(cells[i])
    }

    private mutating func prose(_ t: String, _ line: Int) {
        let plain = ImportText.withoutEmphasis(String(t.drop { $0 == "#" }))
        if let (ref, title) = ImportText.groupHeading(t) {
            draft.startOutcome(ref: ref, title: title, line: line)
        } else if let colon = plain.firstIndex(of: ":"), !draft.outcomes.isEmpty,
            ColumnKind.recognise(plain[..<colon]) == .outcomeSection
        {
            draft.startSection(String(plain[..<colon]))
            draft.addParagraph(ImportText.withoutEmphasis(String(plain[plain.index(after: colon)...])))
        } else if !draft.outcomes.isEmpty, ColumnKind.recognise(plain.hasSuffix(":") ? String(plain.dropLast()) : plain) == .milestone {
            // `Delivery Impact Milestones:` introduces the table below it.
        } else {
            return
        }
        ledger.use(line)
    }

    private mutating func row(_ cells: [String], _ line: Int) {
        guard let outcome = draft.outcomes.last else { return }
        let refText = cell(.ref, cells), text = cell(.action, cells)
        let milestoneCell = kinds.firstIndex(of: .milestone).flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
        let items = HTMLFragment.items(milestoneCell).map(\.text)
        if refText.isEmpty && text.isEmpty {
            guard draft.lastAction != nil else { return }
            let due = cell(.due, cells), owner = cell(.owner, cells)
            draft.updateLastAction { a in
                if items.isEmpty, !(due.isEmpty && owner.isEmpty) {
                    a.milestones.append(MilestoneDraft(text: "", due: due, owner: owner, line: line))
                }
                for (i, item) in items.enumerated() {
                    a.milestones.append(MilestoneDraft(text: item, due: i == 0 ? due : "", owner: i == 0 ? owner : "", line: line))
                }
                for (i, kind) in kinds.enumerated() where kind == .extra && i < cells.count && !cells[i].isEmpty {
                    a.setExtra(headers[i], ImportText.join(a.extra(headers[i]) ?? "", HTMLFragment.text(cells[i])))
                }
            }
            ledger.use(line)
            return
        }
        var action = ActionDraft(ref: ref(refText, in: outcome, line: line), text: text, line: line)
        action.start = cell(.start, cells)
        action.due = cell(.due, cells)
        action.owner = cell(.owner, cells)
        action.narrative = cell(.narrative, cells)
        for kind in [ColumnKind.progress, .impact] {
            switch Rating.parse(cell(kind, cells)) {
            case .success(let r): if kind == .progress { action.progress = r } else { action.impact = r }
            case .failure(let e): notes.append(ImportNote(line: line, "rating '\(e.text)' is not a BRAG colour; left unrated"))
            }
        }
        action.milestones = items.map { MilestoneDraft(text: $0, line: line) }
        for (i, kind) in kinds.enumerated() where kind == .extra {
            action.setExtra(headers[i], i < cells.count ? HTMLFragment.text(cells[i]) : "")
        }
        draft.addAction(action)
        ledger.use(line)
    }

    /// `62` under Priority Six is 6.2: the document lost the dot. A missing ref is numbered.
    private mutating func ref(_ text: String, in outcome: OutcomeDraft, line: Int) -> String {
        if text.isEmpty {
            let ref = "\(outcome.ref).\(outcome.actions.count + 1)"
            notes.append(ImportNote(line: line, "action has no ref; numbered '\(ref)' by position"))
            return ref
        }
        let o = outcome.ref
        guard text.allSatisfy(\.isNumber), o.allSatisfy(\.isNumber), text.count > o.count, text.hasPrefix(o) else { return text }
        let fixed = o + "." + text.dropFirst(o.count)
        notes.append(ImportNote(line: line, "ref '\(text)' read as '\(fixed)' (the document lost its dot)"))
        return fixed
    }
}
