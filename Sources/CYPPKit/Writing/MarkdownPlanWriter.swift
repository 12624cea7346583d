/// Writes a plan as a Markdown plan file that `MarkdownPlanReader` reads back to the same
/// model: front matter, `# title`, `###` prose sections, `## {word} {ref}: {title}` outcomes,
/// and one pipe table per outcome (with only the columns its actions use) with
/// milestone continuation rows. Line breaks in cells are written as `<br>` and read back as LF.
public enum MarkdownPlanWriter {
    /// `groupWord` heads the outcomes: `Outcome`, `Priority`, `Pillar`, `Area of focus`.
    public static func write(_ plan: Plan, groupWord: String = "Outcome") -> String {
        var out = ""
        if !plan.metadata.isEmpty {
            out += "---\n"
            for m in plan.metadata { out += "\(oneLine(m.name)): \(oneLine(m.value))\n" }
            out += "---\n\n"
        }
        out += "# \(oneLine(plan.title))\n\n"
        out += sections(plan.sections)
        for outcome in plan.outcomes {
            out += "## \(groupWord) \(outcome.ref): \(oneLine(outcome.title))\n\n"
            out += sections(outcome.sections)
            guard !outcome.actions.isEmpty else { continue }
            let columns = PlanColumns(outcome.actions)
            let headers = columns.headers()
            out += row(headers)
            out += "|" + headers.map { String(repeating: "-", count: $0.count + 2) + "|" }.joined() + "\n"
            for action in outcome.actions {
                for r in columns.rows(action) { out += row(r) }
            }
            out += "\n"
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    /// An untitled section is prose straight after the heading above it.
    private static func sections(_ sections: [Section]) -> String {
        var out = ""
        for s in sections {
            if !s.title.isEmpty { out += "### \(oneLine(s.title))\n\n" }
            if !s.text.isEmpty { out += s.text + "\n\n" }
        }
        return out
    }

    private static func row(_ cells: [String]) -> String {
        "|" + cells.map { " " + MarkdownCellText.encode($0) + " |" }.joined() + "\n"
    }

    /// Headings and front matter are one line each.
    private static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
