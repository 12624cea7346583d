/// The document layouts `import` reads: one per kind of extracted plan in the seeds.
public enum ImportLayout: String, CaseIterable, Sendable {
    /// Markdown pipe tables broken across PDF pages (Southend CYPP 2018–2020).
    case pipeTable
    /// Tab-separated tables with a Ref per action and milestone rows (Improvement Plan 2021–2023).
    case tabMilestone
    /// Priorities, strategic objectives, Targets / Strategic actions / By when / Lead person tables
    /// (Southend CYPP 2008–09, Appendix 1).
    case strategicAction
    /// Pillars, aims, objectives with key milestones, leads and timescales (Thurrock CYPP 2012–13).
    case pillarAim
    /// A register of strategies per area of focus (Southend CYPP 2016–17, section 4).
    case strategyRegister

    public var summary: String {
        switch self {
        case .pipeTable: "pipe tables broken across pages"
        case .tabMilestone: "tab-separated tables with refs and milestone rows"
        case .strategicAction: "priorities, strategic objectives and Targets/Strategic actions tables"
        case .pillarAim: "pillars, aims and objectives with key milestones"
        case .strategyRegister: "a strategy register per area of focus"
        }
    }

    /// What the document calls its groups; the writer heads outcomes with it.
    public var groupWord: String {
        switch self {
        case .pipeTable: "Outcome"
        case .tabMilestone, .strategicAction: "Priority"
        case .pillarAim: "Pillar"
        case .strategyRegister: "Area of focus"
        }
    }

    public var groupPlural: String {
        switch self {
        case .pipeTable: "outcomes"
        case .tabMilestone, .strategicAction: "priorities"
        case .pillarAim: "pillars"
        case .strategyRegister: "areas of focus"
        }
    }
}
