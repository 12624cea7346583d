/// The action columns a table of actions needs, and each action's rows under them.
/// Markdown writes one table per outcome (so an outcome gets only its own extra columns);
/// CSV has one header for the whole plan.
struct PlanColumns {
    let hasStart: Bool
    let hasMilestones: Bool
    /// Extra fields, in the order first seen.
    let extras: [String]

    init(_ actions: [Action]) {
        hasStart = actions.contains { $0.start != nil }
        hasMilestones = actions.contains { !$0.milestones.isEmpty }
        var names: [String] = []
        for a in actions { for e in a.extras where !names.contains(e.name) { names.append(e.name) } }
        extras = names
    }

    /// Header names, each one the readers recognise (`Owner` for the owner, and so on).
    func headers(owner: String = "Owner") -> [String] {
        var h = ["Ref", "Action"]
        if hasStart { h.append("Start Date") }
        if hasMilestones { h.append("Milestone") }
        h += ["Due Date", owner, "Progress Rating (BRAG)", "Impact Rating (BRAG)", "Progress Narrative"]
        return h + extras
    }

    /// The action's own row, then one continuation row per further milestone. The first
    /// milestone shares the action row only when it has no due date or owner of its own:
    /// the action row's Due Date and Owner cells are the action's.
    func rows(_ action: Action) -> [[String]] {
        var milestones = action.milestones[...]
        var firstMilestone = ""
        if let m = milestones.first, m.due == nil, m.owner == nil {
            firstMilestone = m.text
            milestones = milestones.dropFirst()
        }
        var row = [action.ref, action.text]
        if hasStart { row.append(action.start?.text ?? "") }
        if hasMilestones { row.append(firstMilestone) }
        row += [action.due.text, action.owner ?? "", action.progress?.rawValue ?? "", action.impact?.rawValue ?? "",
                action.narrative ?? ""]
        row += extras.map { name in action.extras.first { $0.name == name }?.value ?? "" }
        var rows = [row]
        for m in milestones {
            var r = ["", ""]
            if hasStart { r.append("") }
            r += [m.text, m.due?.text ?? "", m.owner ?? "", "", "", ""]
            r += extras.map { _ in "" }
            rows.append(r)
        }
        return rows
    }
}
