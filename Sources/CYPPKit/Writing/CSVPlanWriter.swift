/// Writes a plan as a CSV plan file that `CSVPlanReader` reads back to the same model.
/// CSV has no place for prose: what it cannot hold is listed, never dropped silently.
public enum CSVPlanWriter {
    /// The file's text (RFC 4180 quoting, LF line ends like the bundled plans) and what was
    /// left out. One header serves every action, so each action reads back with every extra
    /// column of the plan (empty where it had none). Cells are not formula-neutralised: this is
    /// the plan itself, and a `'` before `-1 day` would change it; `list --format csv` is the
    /// spreadsheet-safe export.
    public static func write(_ plan: Plan, groupWord: String = "Outcome") -> (text: String, omitted: [String]) {
        var omitted: [String] = []
        for s in plan.sections { omitted.append("plan section '\(s.title.isEmpty ? "(untitled)" : s.title)'") }
        let metadata = plan.metadata.filter { ColumnKind.recognise($0.name) == .planMetadata }
        for m in plan.metadata where ColumnKind.recognise(m.name) != .planMetadata {
            omitted.append("metadata '\(m.name): \(m.value)'")
        }
        var sectionTitles: [String] = []
        for o in plan.outcomes {
            if o.actions.isEmpty { omitted.append("\(groupWord.lowercased()) \(o.ref) (it has no actions)") }
            for s in o.sections {
                if ColumnKind.recognise(s.title) == .outcomeSection, !s.text.isEmpty {
                    if !sectionTitles.contains(s.title) { sectionTitles.append(s.title) }
                } else {
                    omitted.append("\(groupWord.lowercased()) \(o.ref) section '\(s.title.isEmpty ? "(untitled)" : s.title)'"
                        + (s.text.isEmpty ? " (empty)" : ""))
                }
            }
        }
        let columns = PlanColumns(plan.allActions.map(\.action))
        var headers = columns.headers()
        // An extra column named like a plan-level one (`Version`) would read back as that.
        for i in headers.indices.suffix(columns.extras.count) where ColumnKind.recognise(headers[i]) != .extra {
            omitted.append("column '\(headers[i])' written as '\(headers[i]) (column)' (CSV reads '\(headers[i])' as a plan-level column)")
            headers[i] += " (column)"
        }
        var text = line(["Plan"] + metadata.map(\.name) + [groupWord] + sectionTitles + headers)
        var first = true
        for outcome in plan.outcomes {
            var firstOfOutcome = true
            for action in outcome.actions {
                for r in columns.rows(action) {
                    var cells = first ? [plan.title] + metadata.map(\.value) : Array(repeating: "", count: 1 + metadata.count)
                    cells.append("\(groupWord) \(outcome.ref): \(outcome.title)")
                    cells += sectionTitles.map { t in
                        firstOfOutcome ? (outcome.sections.first { $0.title == t }?.text ?? "") : ""
                    }
                    text += line(cells + r)
                    first = false
                    firstOfOutcome = false
                }
            }
        }
        return (text, omitted)
    }

    private static func line(_ cells: [String]) -> String {
        cells.map(CSVWriter.quoted).joined(separator: ",") + "\n"
    }
}
