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
    /// text last (see `OverdueTable`), `rows` in the order given. With `colour`, overdue rows
    /// are red and due-soon rows amber. `terminal`: cells are cut to their column's limit;
    /// `width`: a terminal's columns, which rows are fitted to by cutting the action text.
    static func table(_ rows: [OverdueRow], header: Bool, colour: Bool, terminal: Bool, width: Int? = nil) -> String {
        var table = OverdueTable(terminal: terminal, width: width)
        var records: [[UInt8]] = []
        for r in rows {
            var record: [UInt8] = []
            table.append(r, planName: FilePath.name(of: r.plan), to: &record)
            records.append(record)
        }
        var out: [UInt8] = [], line: [UInt8] = []
        let widths = table.columnWidths(header: header)
        if header { table.writeHeader(widths: widths) { out.append(contentsOf: $0) } }
        for record in records {
            record.withUnsafeBytes { table.writeRow($0, widths: widths, colour: colour, line: &line) { out.append(contentsOf: $0) } }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `12 days`, `1 day`, `due today`, `due in 3 days`.
    static func lateness(_ days: Int) -> String {
        var bytes: [UInt8] = []
        appendLateness(days, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same, appended as bytes: every row of the table has one.
    static func appendLateness(_ days: Int, to out: inout [UInt8]) {
        switch days {
        case 1: out.append(utf8: "1 day")
        case 2...: out.append(decimal: days); out.append(utf8: " days")
        case 0: out.append(utf8: "due today")
        case -1: out.append(utf8: "due in 1 day")
        default: out.append(utf8: "due in "); out.append(decimal: -days); out.append(utf8: " days")
        }
    }
}
