/// `overdue`'s table for people, kept the way a script's lines are: each row's cells made
/// printable and cut to their column's limit as the row is found, written as bytes into a record
/// the sorter keeps, with each column's widest cell noted on the way. The rows are then padded as
/// they come out of the sorter: a table of a million rows is printed in the memory of a listing
/// for scripts, and the bundled plans' table costs what their TSV does.
struct OverdueTable: Sendable {
    static let headers = ["PLAN", "REF", "OUTCOME", "OWNER", "DUE", "DEADLINE", "OVERDUE", "PROGRESS", "IMPACT", "ACTION"]
    /// Only the action text, last, gives way to the window's width.
    static let fixed = Set(0..<9)
    let limits: [Int?]
    /// The terminal's columns, when rows must fit them.
    let width: Int?
    /// The widest cell of each column among the rows so far; the last is measured only when
    /// rows must fit `width`.
    private(set) var widths = Array(repeating: 0, count: headers.count)

    /// `terminal`: cells are cut to each column's limit; `width`: rows are fitted to it.
    init(terminal: Bool, width: Int? = nil) {
        limits = terminal ? [24, nil, 8, 28, 16, nil, nil, nil, nil, 60] : Array(repeating: nil, count: Self.headers.count)
        self.width = width
    }

    /// Takes in the widths of a table of later rows.
    mutating func absorb(_ later: OverdueTable) {
        for i in widths.indices { widths[i] = max(widths[i], later.widths[i]) }
    }

    /// Appends row `r` as a record: its status, then each cell's width, length and bytes.
    /// `planName` is the plan's file name, which the table shows for its path.
    mutating func append(_ r: OverdueRow, planName: String, to out: inout [UInt8]) {
        out.append(r.status == .overdue ? 1 : 0)
        add(planName, column: 0, to: &out)
        if let m = r.milestone, r.ref.withUTF8Bytes(ByteScan.isPrintableASCII) {
            addPrintable(column: 1, to: &out) { $0.append(utf8: r.ref); $0.append(contentsOf: Self.milestoneMark); $0.append(decimal: m) }
        } else {
            add(r.milestone.map { "\(r.ref) m\($0)" } ?? r.ref, column: 1, to: &out)
        }
        add(r.outcome, column: 2, to: &out)
        add(r.owner ?? "-", column: 3, to: &out)
        add(r.due, column: 4, to: &out)
        addPrintable(column: 5, to: &out) { $0.append(utf8: r.deadline.description) }
        addPrintable(column: 6, to: &out) { OverdueRendering.appendLateness(r.daysOverdue, to: &$0) }
        add(r.progress?.rawValue ?? "-", column: 7, to: &out)
        add(r.impact?.rawValue ?? "-", column: 8, to: &out)
        add(r.text, column: 9, to: &out)
    }

    /// A cell made printable and measured (the last column only when rows must fit a width).
    private mutating func add(_ cell: String, column i: Int, to out: inout [UInt8]) {
        // Most cells print as they are: their bytes go in with no string made or returned.
        let asIs = cell.withUTF8Bytes { bytes in
            guard TextTable.isPrintableAsIs(bytes, limit: limits[i]) else { return false }
            appendRecordCell(bytes, width: bytes.count, column: i, to: &out)
            return true
        }
        if asIs { return }
        let (text, w) = TextTable.printable(cell, limit: limits[i], measure: measures(i))
        text.withUTF8Bytes { appendRecordCell($0, width: w, column: i, to: &out) }
    }

    /// A cell's width (0 in a column not measured) and length, then its bytes; its width noted.
    private mutating func appendRecordCell(_ bytes: UnsafeBufferPointer<UInt8>, width w: Int, column i: Int, to out: inout [UInt8]) {
        let w = measures(i) ? w : 0
        widths[i] = max(widths[i], w)
        RecordBytes.append(UInt32(truncatingIfNeeded: w), UInt32(truncatingIfNeeded: bytes.count), to: &out)
        out.append(contentsOf: bytes)
    }

    /// A cell of printable ASCII written here (a ref and its milestone, a date, days late), in a
    /// column that is never cut: as it is, a column a byte, with no string made for it.
    private mutating func addPrintable(column i: Int, to out: inout [UInt8], _ write: (inout [UInt8]) -> Void) {
        precondition(limits[i] == nil, "a cell written as it is must be in a column that is never cut")
        let sizes = out.count
        RecordBytes.append(0, 0, to: &out)
        write(&out)
        let count = out.count - sizes - 8
        let w = measures(i) ? count : 0
        widths[i] = max(widths[i], w)
        RecordBytes.set(UInt32(truncatingIfNeeded: w), UInt32(truncatingIfNeeded: count), in: &out, at: sizes)
    }

    /// Whether column `i`'s cells are measured: all but the last, which is measured only when
    /// rows must fit a width.
    private func measures(_ i: Int) -> Bool { i < widths.count - 1 || width != nil }

    private static let milestoneMark = Array(" m".utf8)

    /// The widths rows are padded to: the widest cell of each column, the header's too when it
    /// is shown, then fitted to `width`.
    func columnWidths(header: Bool) -> [Int] {
        var widths = widths
        if header { for (i, head) in headerCells.enumerated() { widths[i] = max(widths[i], head.width) } }
        guard let width else { return widths }
        return TextTable.fit(widths, headers: Self.headers, fixed: Self.fixed, to: width)
    }

    /// The header line, padded to `widths`.
    func writeHeader(widths: [Int], to write: (UnsafeRawBufferPointer) -> Void) {
        var line: [UInt8] = []
        for (i, head) in headerCells.enumerated() { appendLineCell(head.text, width: head.width, column: i, widths: widths, to: &line) }
        TextTable.endLine(&line)
        line.withUnsafeBytes(write)
    }

    /// The line of a row's record, padded to `widths`; `line` is reused from row to row. With
    /// `colour`, overdue rows are red and due-soon rows amber.
    func writeRow(_ record: UnsafeRawBufferPointer, widths: [Int], colour: Bool, line: inout [UInt8],
                  to write: (UnsafeRawBufferPointer) -> Void) {
        let count = Self.headers.count
        withUnsafeTemporaryAllocation(of: (start: Int, count: Int, width: Int, at: Int).self, capacity: count) { cells in
            // Where each cell lies in the record and where it goes in the padded line.
            var at = 1, length = 0, fits = true
            for i in 0..<count {
                let w = Int(RecordBytes.uint32(record, at: at)), n = Int(RecordBytes.uint32(record, at: at + 4))
                let start = min(record.count, at + 8), end = min(record.count, start + n)
                cells[i] = (start, end - start, w, length)
                if width != nil, w > widths[i] { fits = false }
                length += end - start + (i < count - 1 ? max(0, widths[i] - w) + 2 : 0)
                at = end
            }
            line.removeAll(keepingCapacity: true)
            if fits {
                // Laid out in one line of spaces, each cell copied to its place: appending each
                // cell and then its padding was most of what printing a row cost.
                line.append(spaces: length)
                line.withUnsafeMutableBytes { out in
                    for i in 0..<count where cells[i].count > 0 {
                        let c = cells[i]
                        out.baseAddress!.advanced(by: c.at).copyMemory(from: record.baseAddress! + c.start, byteCount: c.count)
                    }
                }
            } else {
                for i in 0..<count {
                    let c = cells[i]
                    let bytes = UnsafeRawBufferPointer(rebasing: record[c.start..<(c.start + c.count)]).assumingMemoryBound(to: UInt8.self)
                    if c.width > widths[i] {
                        appendLineCell(String(decoding: bytes, as: UTF8.self), width: c.width, column: i, widths: widths, to: &line)
                    } else {
                        TextTable.appendCell(bytes, width: c.width, column: i, last: i == count - 1, widths: widths, to: &line)
                    }
                }
            }
        }
        TextTable.endLine(&line)
        guard colour, let status = record.first else { return line.withUnsafeBytes(write) }
        // The newline stays outside the colour, so a pager's line is all one colour.
        (status == 1 ? Self.red : Self.amber).withUnsafeBytes(write)
        line.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
        Self.reset.withUnsafeBytes(write)
    }

    /// The headers as printed, measured like the rows' cells.
    private var headerCells: [(text: String, width: Int)] {
        Self.headers.enumerated().map { TextTable.printable($1, limit: limits[$0], measure: measures($0)) }
    }

    /// A cell given as text: cut to its column's width when rows must fit one (measured again).
    private func appendLineCell(_ text: String, width w: Int, column i: Int, widths: [Int], to line: inout [UInt8]) {
        var text = text, w = w
        if width != nil, w > widths[i] {
            text = TextTable.truncate(text, to: widths[i])
            w = TextTable.width(text)
        }
        text.withUTF8Bytes { TextTable.appendCell($0, width: w, column: i, last: i == Self.headers.count - 1, widths: widths, to: &line) }
    }

    private static let red = Array("\u{1B}[31m".utf8), amber = Array("\u{1B}[33m".utf8), reset = Array("\u{1B}[0m\n".utf8)
}
