/// A plan covered by the report, with its own figures for the per-plan breakdown.
public struct ReportPlan: Sendable {
    public let path: String
    /// The file name without its extension: short enough for table cells.
    public let label: String
    public let title: String
    public let period: String?
    public let board: String?
    public internal(set) var figures = Figures()
    /// False when the plan has no history file (or an empty one): `rate` was never used on it.
    public internal(set) var hasHistory = false

    init(_ plan: Plan) {
        path = plan.path
        let name = plan.path.split(separator: "/").last.map(String.init) ?? plan.path
        if let dot = name.lastIndex(of: "."), dot > name.startIndex { label = String(name[..<dot]) } else { label = name }
        title = plan.title.isEmpty ? name : plan.title
        period = plan.metadata("period")
        board = plan.metadata("board")
    }
}

/// One outcome (priority, pillar) of one plan: its figures, a bar, its actions.
public struct ReportOutcome: Sendable {
    public let plan: ReportPlan
    public let ref: String
    public let title: String
    public let figures: Figures
    public let actions: [ReportAction]
}

/// One person's actions across every plan, however their owner cells spell the post.
public struct ReportOwner: Sendable {
    /// The person's name; "(no owner)" for actions with a blank owner cell.
    public let name: String
    public let key: String
    public let email: String?
    /// The owner cells grouped here, as written, in first-seen order.
    public let cells: [String]
    public let figures: Figures

    static let nobody = "(no owner)"

    /// Grouped by `Person.key` (via `owners.csv` when present); sorted by name, no owner last.
    static func summaries(_ actions: [ReportAction]) -> [ReportOwner] {
        var order: [String] = []
        var groups: [String: [ReportAction]] = [:]
        for a in actions {
            let key = a.person?.key ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(a)
        }
        let summaries = order.map { key -> ReportOwner in
            let rows = groups[key] ?? []
            var cells: [String] = []
            for cell in rows.compactMap(\.owner) where !cells.contains(cell) { cells.append(cell) }
            let person = rows.first?.person
            return ReportOwner(
                name: person?.name ?? nobody, key: key, email: person?.email, cells: cells, figures: Figures(rows))
        }
        return summaries.sorted { a, b in
            if a.key.isEmpty != b.key.isEmpty { return b.key.isEmpty }
            return a.name.lowercased() < b.name.lowercased()
        }
    }
}
