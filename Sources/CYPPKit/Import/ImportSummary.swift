/// The report `import` prints on stderr: what was found, what was assumed, what the output
/// format could not hold, what `check` says of the written plan, and every unplaced line.
public enum ImportSummary {
    public static func render(
        _ result: ImportResult, source: String, omitted: [String] = [], diagnostics: [Diagnostic] = []
    ) -> String {
        let plan = result.plan
        var out = "import: \(source): \(count(plan.outcomes.count, result.layout.groupPlural)), "
            + "\(count(result.actionCount, "actions")), \(count(result.milestoneCount, "milestones")) "
            + "(layout: \(result.layout.summary))\n"
        for o in plan.outcomes {
            out += "  \(result.layout.groupWord) \(o.ref): \(count(o.actions.count, "actions")) — \(clip(o.title, 70))\n"
        }
        if !result.notes.isEmpty {
            out += "notes (\(result.notes.count); check these against the document):\n"
            for n in result.notes { out += "  line \(n.line): \(n.message)\n" }
        }
        if !omitted.isEmpty {
            out += "not written (the output format has no place for it; use --to md to keep it):\n"
            for o in omitted { out += "  \(clip(o, 110))\n" }
        }
        if !diagnostics.isEmpty {
            out += "check of the written plan:\n"
            for d in diagnostics { out += "  plan line \(d.location.line): \(d.severity.rawValue): \(d.message) [\(d.code.id)]\n" }
        }
        if result.unplaced.isEmpty {
            out += "unplaced lines: none\n"
        } else {
            out += "unplaced lines (\(result.unplaced.count); not in the plan, copy by hand what you need):\n"
            for l in result.unplaced { out += "  \(l.number): \(clip(l.trimmed, 110))\n" }
        }
        return out
    }

    private static func count(_ n: Int, _ plural: String) -> String {
        guard n == 1 else { return "\(n) \(plural)" }
        switch plural {
        case "priorities": return "1 priority"
        case "areas of focus": return "1 area of focus"
        default: return "1 \(plural.dropLast())"
        }
    }

    /// One line per item on a terminal: long text is cut, control characters shown as spaces.
    /// Cut first, then cleaned, so a 10 MB line costs what a short one does; C1 controls
    /// (U+0080–U+009F, e.g. the one-byte CSI) count as control characters too.
    private static func clip(_ text: String, _ width: Int) -> String {
        let fits = text.prefix(width).endIndex == text.endIndex
        let kept = fits ? text[...] : text.prefix(width - 1)
        let clean = String(kept.map { ch in
            ch.isNewline || ch.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } ? " " : ch
        })
        return fits ? clean : clean + "…"
    }
}
