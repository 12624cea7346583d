/// `owners` output: stable columns for scripts, an aligned table for people.
public enum OwnersRendering {
    /// The documented column order; never reorder, only append.
    public static let columns = ["person", "email", "actions", "open", "overdue", "red"]

    /// The unowned row has an empty (null) person and email.
    public static func records(_ summaries: [OwnerSummary]) -> RecordTable {
        var table = RecordTable(columns: columns)
        for s in summaries {
            table.add([.optional(s.person?.name), .optional(s.person?.email), .number(s.actions), .number(s.open),
                       .number(s.overdue), .number(s.red)])
        }
        return table
    }

    /// The EMAIL column appears only when some person has one (an owners file gave it).
    /// `width`: a terminal's columns, which the rows are fitted to by cutting names and emails
    /// (never the counts).
    public static func table(_ summaries: [OwnerSummary], header: Bool, width: Int? = nil) -> String {
        let showEmail = summaries.contains { $0.person?.email != nil }
        var headers = ["PERSON", "ACTIONS", "OPEN", "OVERDUE", "RED"]
        if showEmail { headers.insert("EMAIL", at: 1) }
        var table = TextTable(headers: headers)
        table.fixed = Set(headers.indices.filter { !["PERSON", "EMAIL"].contains(headers[$0]) })
        for s in summaries {
            var row = [s.person?.name ?? "(no owner)", String(s.actions), String(s.open), String(s.overdue), String(s.red)]
            if showEmail { row.insert(s.person?.email ?? "-", at: 1) }
            table.add(row)
        }
        return table.rendered(header: header, width: width)
    }
}
