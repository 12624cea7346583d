/// `overdue` output: stable columns for scripts, an aligned table for people.
public enum OverdueRendering {
    /// The documented column order; never reorder, only append.
    public static let columns = [
        "plan", "ref", "milestone", "outcome", "action", "owner", "due", "deadline",
        "days_overdue", "status", "progress", "impact", "person",
    ]

    public static func records(_ rows: [OverdueRow]) -> RecordTable {
        var table = RecordTable(columns: columns)
        for r in rows { table.add(cells(r)) }
        return table
    }

    /// One row's cells, in `columns` order.
    public static func cells(_ r: OverdueRow) -> [RecordTable.Cell] {
        var list = CellList()
        write(r, to: &list)
        return list.cells
    }

    /// The same cells, one at a time: a collector writes every row it keeps straight into its line.
    static func write<Cells: RecordCells>(_ r: OverdueRow, to cells: inout Cells) {
        assert(columns.count == 13, "a column added to `columns` needs its cell here")
        cells.text(r.plan)
        cells.text(r.ref)
        cells.add(r.milestone.map(RecordTable.Cell.number) ?? .missing)
        cells.text(r.outcome)
        cells.text(r.text)
        cells.optional(r.owner)
        cells.text(r.due)
        cells.text(r.deadline.description)
        cells.number(r.daysOverdue)
        cells.text(r.status.rawValue)
        cells.optional(r.progress?.rawValue)
        cells.optional(r.impact?.rawValue)
        cells.optional(r.person?.name)
    }

    /// For people: the plan's file name, `3.8 m2` for milestone 2 of action 3.8, the action
    /// text last. With `colour`, overdue rows are red and due-soon rows amber.
    /// `width`: a terminal's columns; the action text, last, is cut so rows fit where the other
    /// columns leave it room (they keep their own limits: a narrow window still wraps).
    public static func table(_ rows: [OverdueRow], header: Bool, colour: Bool, terminal: Bool, width: Int? = nil) -> String {
        var out: [UInt8] = []
        writeTable(rows, header: header, colour: colour, terminal: terminal, width: width) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The table a line at a time, for printing as it is rendered; the bytes are valid only
    /// during the call.
    public static func writeTable(_ rows: [OverdueRow], header: Bool, colour: Bool, terminal: Bool, width: Int? = nil,
                                  to write: (UnsafeRawBufferPointer) -> Void) {
        let limits: [Int?] = terminal ? [24, nil, 8, 28, 16, nil, nil, nil, nil, 60] : Array(repeating: nil, count: 10)
        var table = TextTable(headers: ["PLAN", "REF", "OUTCOME", "OWNER", "DUE", "DEADLINE", "OVERDUE", "PROGRESS",
                                        "IMPACT", "ACTION"], limits: limits)
        table.fixed = Set(0..<9)  // only the action text gives way to the window's width
        // Rows of a plan share its path: its file name is worked out once. A list, searched:
        // a portfolio has a few plans, and a dictionary's first use at run time cost more.
        var names: [(path: String, name: String)] = []
        for r in rows {
            let name: String
            if let known = names.first(where: { $0.path == r.plan }) {
                name = known.name
            } else {
                name = FilePath.name(of: r.plan)
                names.append((r.plan, name))
            }
            table.add([
                name, r.ref + (r.milestone.map { " m\($0)" } ?? ""), r.outcome, r.owner ?? "-",
                r.due, r.deadline.description, lateness(r.daysOverdue), r.progress?.rawValue ?? "-",
                r.impact?.rawValue ?? "-", r.text,
            ])
        }
        table.write(header: header, width: width) { row, line in
            guard colour, let row else { return write(line) }
            // The newline stays outside the colour, so a pager's line is all one colour.
            (rows[row].status == .overdue ? red : amber).withUnsafeBytes(write)
            write(UnsafeRawBufferPointer(rebasing: line.dropLast()))
            reset.withUnsafeBytes(write)
        }
    }

    private static let red = Array("\u{1B}[31m".utf8), amber = Array("\u{1B}[33m".utf8), reset = Array("\u{1B}[0m\n".utf8)

    /// `12 days`, `1 day`, `due today`, `due in 3 days`.
    static func lateness(_ days: Int) -> String {
        switch days {
        case 1: "1 day"
        case 2...: "\(days) days"
        case 0: "due today"
        case -1: "due in 1 day"
        default: "due in \(-days) days"
        }
    }
}
