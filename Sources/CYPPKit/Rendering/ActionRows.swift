/// The action listing in text and CSV: one row per action, the same columns in both.
public enum ActionRows {
    public static let csvHeader = CSVWriter.row([
        "plan", "plan_title", "outcome_ref", "outcome", "ref", "action", "start", "due", "deadline", "owner",
        "progress", "impact", "narrative", "milestones", "file", "line",
    ])

    public static func csv(_ a: Action, outcome: Outcome, plan: Plan) -> String {
        let milestones = a.milestones.map(\.text).joined(separator: "\n")
        return [plan.path, plan.title, outcome.ref, outcome.title, a.ref, a.text, a.start?.text ?? "", a.due.text,
                a.due.deadline?.description ?? "", a.owner ?? "", a.progress?.rawValue ?? "",
                a.impact?.rawValue ?? "", a.narrative ?? "", milestones, a.location.file]
            .map(CSVWriter.field).joined(separator: ",") + "," + String(a.location.line) + "\r\n"
    }

    /// On a terminal (`width` its columns) long text is cut to keep one line per action; in a
    /// pipe (`width` nil) nothing is cut.
    public static func table(_ rows: [(Plan, Outcome, Action)], showPlan: Bool, width: Int?) -> String {
        let terminal = width != nil
        var headers = ["REF", "DUE", "OWNER", "PROGRESS", "IMPACT", "ACTION"]
        var limits: [Int?] = terminal ? [nil, 16, 32, nil, nil, 60] : Array(repeating: nil, count: 6)
        if showPlan {
            headers.insert("PLAN", at: 0)
            limits.insert(terminal ? 24 : nil, at: 0)
        }
        var table = TextTable(headers: headers, limits: limits)
        for (plan, _, a) in rows {
            var row = [a.ref, a.due.text.isEmpty ? "-" : a.due.text, a.owner ?? "-",
                       a.progress?.rawValue ?? "-", a.impact?.rawValue ?? "-", a.text]
            if showPlan { row.insert(FilePath.name(of: plan.path), at: 0) }
            table.add(row)
        }
        return table.rendered(width: width)
    }
}

/// `show`'s text: a labelled card for one action.
public enum ActionDetail {
    public static func render(_ a: Action, outcome: Outcome, plan: Plan) -> String {
        func safe(_ s: String) -> String { TextTable.terminalSafe(s) }
        func date(_ d: DueDate?, start: Bool = false) -> String {
            guard let d, !d.text.isEmpty else { return "-" }
            switch d.meaning {
            case .period(let p): return "\(safe(d.text)) (\(start ? "from \(p.start)" : "deadline \(p.end)"))"
            case .none: return "\(safe(d.text)) (no deadline)"
            case .unparsed: return "\(safe(d.text)) (not understood as a date)"
            }
        }
        var lines = [
            "\(a.ref)  \(safe(a.text))",
            "",
            "Plan:       \(safe(plan.title))",
            "Outcome:    \(outcome.ref) \(safe(outcome.title))",
            "Owner:      \(safe(a.owner ?? "-"))",
            "Start:      \(date(a.start, start: true))",
            "Due:        \(date(a.due))",
            "Progress:   \(a.progress?.rawValue ?? "unrated")",
            "Impact:     \(a.impact?.rawValue ?? "unrated")",
            "Narrative:  \(safe(a.narrative ?? "-"))",
            "Source:     \(a.location.file):\(a.location.line)",
        ]
        if !a.milestones.isEmpty {
            lines.append("Milestones:")
            for (i, m) in a.milestones.enumerated() {
                var extra: [String] = []
                if let due = m.due { extra.append("due \(date(due))") }
                if let owner = m.owner { extra.append("owner \(safe(owner))") }
                lines.append("  \(i + 1). \(safe(m.text))" + (extra.isEmpty ? "" : " [\(extra.joined(separator: "; "))]"))
            }
        }
        let extras = a.extras.filter { !$0.value.isEmpty }
        if !extras.isEmpty {
            lines.append("Other fields:")
            for e in extras { lines.append("  \(safe(e.name)): \(safe(e.value))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
