/// Seed 003 (Thurrock CYPP 2012–13): pillars, each with a summary page (aims and their
/// `We will:` lists) and tables headed Objective / Key milestones / Lead / Timescale under
/// `Aim: …` rows. An objective's milestones, leads and timescales are `<ul>`/`<p>` lists that
/// line up item by item, sometimes over several rows and across page breaks.
///
/// Each objective is an action (ref `pillar.N`) with its aim in an `Aim` column and its key
/// milestones as milestones. Leads and timescales that pair one to one with the milestones
/// become the milestones' own; one for all is the action's; other counts stay together on
/// the action, noted. A row with an empty Objective cell, or one starting in lower case after
/// a page header, goes on with the objective above; lost bullets are recovered by
/// `ItemSplitting.runOnList`.
struct PillarAimLayout {
    private struct Objective {
        var text: String
        var aim: String
        var line: Int
        var milestones: [String] = []
        var leads: [String] = []
        var timescales: [String] = []
    }

    private let document: ImportDocument
    private var draft = PlanDraft()
    private var ledger = LineLedger()
    private var notes: [ImportNote] = []
    private var summary = PillarSummary(aims: [], lists: [])
    private var columns: (objective: Int, milestones: Int, lead: Int, timescale: Int)?
    private var afterHeader = false
    private var aim = ""
    private var pending: Objective?

    static func read(_ document: ImportDocument) -> ImportResult {
        var reader = PillarAimLayout(document: document)
        reader.run()
        return ImportResult(plan: reader.draft.plan(document), layout: .pillarAim,
                            unplaced: reader.ledger.unplaced(in: document), notes: reader.notes)
    }

    private init(document: ImportDocument) { self.document = document }

    private mutating func run() {
        let lines = document.lines
        let block = draft.start(from: document, ledger: &ledger)
        var i = block.end
        while i < lines.count {
            let line = lines[i]
            i += 1
            if line.isBlank || line.isDecoration { continue }
            if line.hasTab {
                let cells = line.tabCells
                let lower = cells.map { $0.lowercased() }
                if let o = lower.firstIndex(of: "objective"), let m = lower.firstIndex(of: "key milestones") {
                    columns = (o, m, lower.firstIndex { ColumnKind.recognise($0) == .owner } ?? -1,
                               lower.firstIndex { ColumnKind.recognise($0) == .due } ?? -1)
                    afterHeader = true
                    ledger.use(line.number)
                } else if columns != nil, !draft.outcomes.isEmpty {
                    row(cells, line.number)
                }
                continue
            }
            let t = line.trimmed
            if let (aims, lists) = summaryLines(after: i, lines) {
                startPillar(t, line.number, aims: aims, lists: lists)
                i = lists.index + 1
            } else if let pillar = draft.outcomes.last, t.lowercased().hasSuffix(": " + pillar.title.lowercased()) {
                ledger.use(line.number)  // page header
            } else if draft.outcomes.isEmpty {
                if t.count <= 80, let last = t.last, !".;,".contains(last) { draft.startSection(t) } else { draft.addParagraph(t) }
                ledger.use(line.number)
            }
        }
        finishPillar()
    }

    /// A pillar heading is followed by its aims (a tab line) and their `We will:` lists.
    private func summaryLines(after i: Int, _ lines: [DocumentLine]) -> (aims: DocumentLine, lists: (line: DocumentLine, index: Int))? {
        var found: [Int] = []
        var j = i
        while j < lines.count, found.count < 2 {
            if !lines[j].isBlank { found.append(j) }
            j += 1
        }
        guard found.count == 2 else { return nil }
        let aims = lines[found[0]], lists = lines[found[1]]
        guard aims.hasTab, aims.tabCells.count >= 2, lists.text.lowercased().contains("we will") else { return nil }
        return (aims, (lists, found[1]))
    }

    private mutating func startPillar(_ title: String, _ line: Int, aims: DocumentLine, lists: (line: DocumentLine, index: Int)) {
        finishPillar()
        summary = PillarSummary(aims: aims.tabCells, lists: lists.line.tabCells)
        draft.startOutcome(ref: String(draft.outcomes.count + 1), title: title, line: line)
        for s in summary.sections { draft.startSection(s.title); draft.addParagraph(s.text) }
        columns = nil
        aim = ""
        ledger.use([line, aims.number, lists.line.number])
    }

    private mutating func row(_ cells: [String], _ line: Int) {
        guard let c = columns else { return }
        func cell(_ i: Int) -> String { i >= 0 && i < cells.count ? cells[i] : "" }
        let objective = HTMLFragment.text(cell(c.objective))
        let wasAfterHeader = afterHeader
        afterHeader = false
        if objective.lowercased().hasPrefix("aim:"), cells.enumerated().allSatisfy({ $0.offset == c.objective || $0.element.isEmpty }) {
            finishObjective()
            aim = String(objective.dropFirst(4).trimmingWhitespace())
            if aim.hasSuffix(".") { aim.removeLast() }
            ledger.use(line)
            return
        }
        let milestones = Self.milestoneItems(cell(c.milestones))
        let leads = HTMLFragment.items(cell(c.lead)).map(\.text), timescales = ItemAlignment.dates(cell(c.timescale))
        if objective.isEmpty {
            guard pending != nil else { return }
            add(milestones, leads, timescales)
        } else if wasAfterHeader, objective.first?.isLowercase == true, let previous = pending {
            let joined = ImportText.join(previous.text, objective)
            if !summary.lists(joined), let restored = summary.objective(endingWith: objective) {
                finishObjective()
                aim = restored.aim
                pending = Objective(text: restored.objective, aim: aim, line: line)
                notes.append(ImportNote(line: line, "objective starts mid-sentence ('\(objective)'): its first words were lost; restored from the pillar's list as '\(restored.objective)'"))
                add(milestones, leads, timescales, continuing: false)
            } else {
                pending?.text = joined
                notes.append(ImportNote(line: line, "objective continues across a page break; rejoined as '\(joined)'"))
                add(milestones, leads, timescales)
            }
        } else {
            finishObjective()
            pending = Objective(text: objective, aim: aim, line: line)
            add(milestones, leads, timescales, continuing: false)
        }
        ledger.use(line)
    }

    /// Items of a Key milestones cell, run-on lists split back into their items.
    private static func milestoneItems(_ cell: String) -> [CellItem] {
        HTMLFragment.items(cell).flatMap { item in
            item.kind == .runOn ? ItemSplitting.runOnList(item.text).map { CellItem(kind: .runOn, text: $0) } : [item]
        }
    }

    /// Text before any list on a continuing row finishes the milestone the page break cut.
    private mutating func add(_ milestones: [CellItem], _ leads: [String], _ timescales: [String], continuing: Bool = true) {
        guard var o = pending else { return }
        var items = milestones[...]
        if continuing, let first = items.first, first.kind == .plain, let last = o.milestones.indices.last {
            o.milestones[last] = ImportText.join(o.milestones[last], first.text)
            items = items.dropFirst()
        }
        o.milestones += items.map(\.text)
        o.leads += leads
        o.timescales += timescales
        pending = o
    }

    private mutating func finishObjective() {
        guard let o = pending, let pillar = draft.outcomes.last else { return }
        pending = nil
        let n = o.milestones.count
        let leads = ItemAlignment(o.leads, items: n), times = ItemAlignment(o.timescales, items: n)
        var action = ActionDraft(ref: "\(pillar.ref).\(pillar.actions.count + 1)", text: o.text, line: o.line)
        action.owner = leads.own.map(Self.distinct) ?? leads.shared
        if let own = times.own { action.due = Set(own).count == 1 ? own[0] : "" } else { action.due = times.shared }
        let ownLeads = leads.own.flatMap { Set($0).count > 1 ? $0 : nil }
        let ownTimes = times.own.flatMap { Set($0).count > 1 ? $0 : nil }
        action.milestones = o.milestones.enumerated().map { i, m in
            MilestoneDraft(text: m, due: ownTimes?[i] ?? "", owner: ownLeads?[i] ?? "", line: o.line)
        }
        action.setExtra("Aim", o.aim)
        let milestones = n == 1 ? "1 milestone" : "\(n) milestones"
        if leads.mismatch { notes.append(ImportNote(line: o.line, "\(milestones) beside \(o.leads.count) leads; the leads are kept together on the objective")) }
        if times.mismatch { notes.append(ImportNote(line: o.line, "\(milestones) beside \(o.timescales.count) timescales; the timescales are kept together on the objective")) }
        draft.addAction(action)
    }

    /// `A; B; A` → `A; B`: the action's owner names each lead once.
    private static func distinct(_ values: [String]) -> String {
        var seen: [String] = []
        for v in values where !seen.contains(v) { seen.append(v) }
        return seen.joined(separator: "; ")
    }

    /// Objectives the summary lists that no table holds: a page the extraction lost.
    private mutating func finishPillar() {
        finishObjective()
        guard let pillar = draft.outcomes.last else { return }
        for aim in summary.aims {
            for listed in aim.objectives where !pillar.actions.contains(where: { PillarSummary.similar($0.text, listed) }) {
                notes.append(ImportNote(line: pillar.line, "'\(listed)' (aim '\(aim.title)') is listed but not in the pillar's tables; the extraction may have lost it"))
            }
        }
    }
}
