/// Seed 002 (Southend CYPP 2008–09, Appendix 1): `PRIORITY ONE⇥… Lead: …` lines, strategic
/// objectives (`Strategic Objective 1.1 …`, sometimes bold over two lines with the text
/// below), then tables headed Targets / Strategic actions / By when / Lead person.
///
/// Each strategic action is an action (ref `objective.N`, e.g. `1.1.3`) carrying its row's
/// target in a `Targets` column, performance-indicator codes (`NI 112`) and all. A cell
/// listing several actions (`<p>` items, or sentences matching several dates) gives several
/// actions; an item ending in `:` keeps the items after it as its milestones. A row with an
/// empty Targets cell goes on with the target above, and its blank By when and Lead person
/// cells are the row above's (cells the PDF merged).
struct StrategicActionLayout {
    private let document: ImportDocument
    private var draft = PlanDraft()
    private var ledger = LineLedger()
    private var notes: [ImportNote] = []
    private var columns: (target: Int, action: Int, due: Int, lead: Int)?
    private var objective: String?
    private var awaitingObjectiveText = false
    private var above = (target: "", due: "", lead: "")

    static func read(_ document: ImportDocument) -> ImportResult {
        var reader = StrategicActionLayout(document: document)
        reader.run()
        return ImportResult(plan: reader.draft.plan(document), layout: .strategicAction,
                            unplaced: reader.ledger.unplaced(in: document), notes: reader.notes)
    }

    private init(document: ImportDocument) { self.document = document }

    private mutating func run() {
        let block = draft.start(from: document, ledger: &ledger)
        for line in document.lines.dropFirst(block.end) where !line.isBlank && !line.isDecoration {
            let cells = line.tabCells
            if priority(cells, line.number) || objectiveHeading(cells, line.number) { continue }
            if line.hasTab {
                let lower = cells.map { $0.lowercased() }
                if let t = lower.firstIndex(of: "targets"), let a = lower.firstIndex(of: "strategic actions") {
                    let due = lower.firstIndex { ColumnKind.recognise($0) == .due } ?? -1
                    let lead = lower.firstIndex { ColumnKind.recognise($0) == .owner } ?? -1
                    columns = (t, a, due, lead)
                    above = ("", "", "")
                    ledger.use(line.number)
                } else if columns != nil, !draft.outcomes.isEmpty {
                    row(cells, line.number)
                }
                continue
            }
            columns = nil
            let t = ImportText.withoutEmphasis(line.trimmed)
            if awaitingObjectiveText {
                if t.lowercased().hasPrefix("to achieve priority") { ledger.use(line.number); continue }
                objectiveText(t, line.number)
            }
        }
    }

    /// `PRIORITY ONE⇥Inspire high aspirations … Lead: Head of …`
    private mutating func priority(_ cells: [String], _ line: Int) -> Bool {
        guard cells.count >= 2, cells[0].lowercased().hasPrefix("priority "),
            let (ref, _) = ImportText.groupHeading(cells[0] + ": " + cells[1])
        else { return false }
        var title = cells[1], lead = ""
        if let r = title.firstRange(of: " Lead:") ?? title.firstRange(of: "Lead:") {
            lead = String(title[r.upperBound...].trimmingWhitespace())
            title = String(title[..<r.lowerBound].trimmingWhitespace())
        }
        draft.startOutcome(ref: ref, title: title, line: line)
        if !lead.isEmpty { draft.startSection("Lead"); draft.addParagraph(lead) }
        objective = nil
        columns = nil
        ledger.use(line)
        return true
    }

    /// `Strategic Objective 1.1 to achieve Priority One⇥Engage with …`, or the bold form whose
    /// text is on a later line.
    private mutating func objectiveHeading(_ cells: [String], _ line: Int) -> Bool {
        let head = ImportText.withoutEmphasis(cells[0])
        guard head.lowercased().hasPrefix("strategic objective "), !draft.outcomes.isEmpty else { return false }
        let ref = head.dropFirst("strategic objective ".count).prefix { $0.isNumber || $0 == "." }
        guard !ref.isEmpty else { return false }
        objective = String(ref.hasSuffix(".") ? ref.dropLast() : ref)
        columns = nil
        ledger.use(line)
        if cells.count >= 2, !cells[1].isEmpty {
            objectiveText(cells[1], line)
        } else {
            awaitingObjectiveText = true
        }
        return true
    }

    private mutating func objectiveText(_ text: String, _ line: Int) {
        awaitingObjectiveText = false
        draft.startSection("Strategic Objective \(objective ?? "")")
        draft.addParagraph(text)
        ledger.use(line)
    }

    private mutating func row(_ cells: [String], _ line: Int) {
        guard let c = columns, let outcome = draft.outcomes.last else { return }
        func cell(_ i: Int) -> String { i >= 0 && i < cells.count ? cells[i] : "" }
        var target = HTMLFragment.text(cell(c.target)), dueCell = cell(c.due), leadCell = cell(c.lead)
        if target.isEmpty {
            target = above.target
            if dueCell.isEmpty { dueCell = above.due }
            if leadCell.isEmpty { leadCell = above.lead }
        }
        above = (target, dueCell, leadCell)
        var groups = Self.groups(HTMLFragment.items(cell(c.action)).map(\.text))
        guard !groups.isEmpty else { return }
        var dates = ItemAlignment.dates(dueCell), leads = HTMLFragment.items(leadCell).map(\.text)
        // One paragraph of sentences beside several dates: the sentences are the actions.
        let wanted = dates.count > 1 ? dates.count : leads.count
        if groups.count == 1, groups[0].milestones.isEmpty, wanted > 1 {
            let sentences = ItemSplitting.sentences(groups[0].text)
            if sentences.count == wanted {
                groups = sentences.map { ($0, []) }
                // `Head of X. Group Manager, Y`: the full stop separates two leads.
                let names = leads.count == 1 ? ItemSplitting.sentences(leads[0]) : []
                if names.count == wanted { leads = names.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 } }
            }
        }
        let milestoneDates = groups.count == 1 && dates.count > 1 && dates.count == groups[0].milestones.count
        let milestoneLeads = groups.count == 1 && leads.count > 1 && leads.count == groups[0].milestones.count
        let due = ItemAlignment(milestoneDates ? [] : dates, items: groups.count)
        let lead = ItemAlignment(milestoneLeads ? [] : leads, items: groups.count)
        let actions = groups.count == 1 ? "1 action" : "\(groups.count) actions"
        if due.mismatch { notes.append(ImportNote(line: line, "\(actions) beside \(dates.count) dates; the dates are kept together")) }
        if lead.mismatch { notes.append(ImportNote(line: line, "\(actions) beside \(leads.count) leads; the leads are kept together")) }
        let prefix = objective ?? "\(outcome.ref).0"
        let count = outcome.actions.filter { $0.ref.hasPrefix(prefix + ".") }.count
        for (i, group) in groups.enumerated() {
            var action = ActionDraft(ref: "\(prefix).\(count + i + 1)", text: group.text, line: line)
            action.due = due.own?[i] ?? due.shared
            action.owner = lead.own?[i] ?? lead.shared
            action.milestones = group.milestones.enumerated().map { j, m in
                MilestoneDraft(text: m, due: milestoneDates ? dates[j] : "", owner: milestoneLeads ? leads[j] : "", line: line)
            }
            action.setExtra("Targets", target)
            draft.addAction(action)
        }
        ledger.use(line)
    }

    /// Items as actions; an item ending in `:` introduces the rest, which become its milestones.
    static func groups(_ items: [String]) -> [(text: String, milestones: [String])] {
        var out: [(String, [String])] = []
        for (i, item) in items.enumerated() {
            if item.hasSuffix(":"), i + 1 < items.count {
                out.append((item, Array(items[(i + 1)...])))
                break
            }
            out.append((item, []))
        }
        return out
    }
}
