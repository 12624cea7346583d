/// The history in `history`'s formats: an aligned table, the file's own TSV, or JSON.
public enum HistoryRows {
    public static func table(_ entries: [HistoryEntry], showPlan: Bool, terminal: Bool) -> String {
        var headers = ["TIME", "WHO", "REF", "FIELD", "CHANGE", "NOTE"]
        var limits: [Int?] = terminal ? [nil, 20, nil, nil, 48, 48] : Array(repeating: nil, count: 6)
        if showPlan {
            headers.insert("PLAN", at: 2)
            limits.insert(terminal ? 32 : nil, at: 2)
        }
        var table = TextTable(headers: headers, limits: limits)
        for e in entries {
            var row = [e.time, e.who, e.ref, e.field.rawValue, change(e), e.note.isEmpty ? "-" : e.note]
            if showPlan { row.insert(e.plan, at: 2) }
            table.add(row)
        }
        return table.rendered()
    }

    /// `Amber → Green ↑`; an empty rating reads `unrated`, an empty narrative `-`.
    public static func change(_ e: HistoryEntry) -> String {
        guard let trend = e.trend else { return "\(e.old.isEmpty ? "-" : e.old) → \(e.new.isEmpty ? "-" : e.new)" }
        let mark = trend.mark.isEmpty ? "" : " " + trend.mark
        return "\(e.old.isEmpty ? "unrated" : e.old) → \(e.new.isEmpty ? "unrated" : e.new)\(mark)"
    }

    /// Exactly the history file's format: its header, then one escaped line per entry.
    public static func tsv(_ entries: [HistoryEntry]) -> String {
        HistoryFile.header + "\n" + entries.map(HistoryFile.line).joined()
    }

    /// An array of objects with the file's eight columns (`old`/`new` null when empty), plus
    /// `trend` (`up`, `down`, `same`, `none`) for rating fields, null for the narrative.
    public static func json(_ entries: [HistoryEntry]) -> JSONValue {
        .array(entries.map { e in
            .object([
                "time": .string(e.time), "who": .string(e.who), "plan": .string(e.plan), "ref": .string(e.ref),
                "field": .string(e.field.rawValue), "old": e.old.isEmpty ? .null : .string(e.old),
                "new": e.new.isEmpty ? .null : .string(e.new), "note": .string(e.note),
                "trend": .optional(e.trend?.rawValue),
            ])
        })
    }
}
