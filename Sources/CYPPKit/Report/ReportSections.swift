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
    /// Its plan: `Report.plans[planIndex]`.
    public let planIndex: Int
    public let ref: String
    public let title: String
    public let figures: Figures
    /// A slice of `Report.actions` (an outcome's actions are consecutive there): it shares
    /// the report's rows instead of holding copies.
    public internal(set) var actions: ArraySlice<ReportAction>
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
        // Each group counts its figures and cells as the actions go by, rather than
        // collecting copies of its actions to count afterwards.
        struct Group {
            let person: Person?
            var cells: [String] = []
            var seen: Set<String> = []
            var figures = Figures()
        }
        var groups: [Group] = []
        var position: [String: Int] = [:]
        for a in actions {
            let key = a.person?.key ?? ""
            let g: Int
            if let known = position[key] {
                g = known
            } else {
                g = groups.count
                position[key] = g
                groups.append(Group(person: a.person))
            }
            groups[g].figures.add(a)
            if let cell = a.owner, groups[g].seen.insert(cell).inserted { groups[g].cells.append(cell) }
        }
        let summaries = groups.map { g in
            ReportOwner(
                name: g.person?.name ?? nobody, key: g.person?.key ?? "", email: g.person?.email, cells: g.cells,
                figures: g.figures)
        }
        return summaries.sorted { a, b in
            if a.key.isEmpty != b.key.isEmpty { return b.key.isEmpty }
            return a.name.lowercased() < b.name.lowercased()
        }
    }
}
