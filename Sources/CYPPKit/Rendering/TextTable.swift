/// Aligned plain-text columns for terminals and pipes. Plan text is made safe for a
/// terminal here: control characters (escape sequences) are dropped, newlines become spaces.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Longest a column may be before it is cut with `…`; nil for no limit.
    public var limits: [Int?]
    /// Columns never cut to fit a terminal's width (refs, dates, numbers, ratings): a cut one
    /// would read wrong. The others narrow instead.
    public var fixed: Set<Int> = []

    public init(headers: [String], limits: [Int?]? = nil) {
        self.headers = headers
        self.limits = limits ?? Array(repeating: nil, count: headers.count)
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// `width`: the terminal's columns; the last column is cut so each row fits on one line.
    public func rendered(header: Bool = true, width: Int? = nil) -> String {
        var out: [UInt8] = []
        write(header: header, width: width) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders line by line: `line` gets each line's bytes, newline included, valid only
    /// during the call.
    private func write(header: Bool, width: Int?, line: (UnsafeRawBufferPointer) -> Void) {
        // Cells made safe, in one array row after row, each with its width measured once.
        // The last column is not padded: its width matters only when rows must fit `width`.
        var cells: [String] = [], cellWidths: [Int] = [], rowEnds: [Int] = []
        var widths = Array(repeating: 0, count: headers.count)
        let measured = width == nil ? widths.count - 1 : widths.count
        cells.reserveCapacity((rows.count + 1) * headers.count)
        cellWidths.reserveCapacity((rows.count + 1) * headers.count)
        func add(_ row: [String]) {
            for (i, cell) in row.enumerated() {
                let (text, w) = TextTable.printable(cell, limit: i < limits.count ? limits[i] : nil, measure: i < measured)
                if i < measured { widths[i] = max(widths[i], w) }
                cells.append(text)
                cellWidths.append(w)
            }
            rowEnds.append(cells.count)
        }
        if header { add(headers) }
        for row in rows { add(row) }
        if let width {
            widths = Self.fit(widths, headers: headers, fixed: fixed, to: width)
            var start = 0
            for end in rowEnds {
                for k in start..<end where k - start < widths.count && cellWidths[k] > widths[k - start] {
                    cells[k] = TextTable.truncate(cells[k], to: widths[k - start])
                    cellWidths[k] = TextTable.width(cells[k])
                }
                start = end
            }
        }
        // Bytes, not String appends: padding a few hundred rows to a wide column was most of
        // the time `overdue` took on the bundled plans.
        var out: [UInt8] = []
        var start = 0
        for end in rowEnds {
            out.removeAll(keepingCapacity: true)
            for k in start..<end {
                cells[k].withUTF8Bytes { Self.appendCell($0, width: cellWidths[k], column: k - start, last: k == end - 1, widths: widths, to: &out) }
            }
            start = end
            Self.endLine(&out)
            out.withUnsafeBytes(line)
        }
    }

    /// A cell as the table prints it: control characters dropped, cut to `limit` with `…`, and
    /// its width on a terminal when `measure` (else 0).
    static func printable(_ cell: String, limit: Int?, measure: Bool) -> (text: String, width: Int) {
        // Printable ASCII (most cells) is safe as it is and a column a byte: one look.
        let plain = cell.withUTF8Bytes(ByteScan.isPrintableASCII)
        if plain, isUncut(cell.utf8.count, limit: limit) { return (cell, measure ? cell.utf8.count : 0) }
        let text = truncate(plain ? cell : terminalSafe(cell), to: limit)
        guard measure else { return (text, 0) }
        return (text, plain && text.utf8.count == cell.utf8.count ? text.utf8.count : width(text))
    }

    /// True when a cell of these bytes prints as it is, a column a byte: printable ASCII no
    /// longer than `limit` (what `printable` returns unchanged).
    static func isPrintableAsIs(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int?) -> Bool {
        isUncut(bytes.count, limit: limit) && ByteScan.isPrintableASCII(bytes)
    }

    /// True when `truncate` leaves text of this many characters as it is.
    static func isUncut(_ count: @autoclosure () -> Int, limit: Int?) -> Bool {
        guard let limit, limit > 1 else { return true }
        return count() <= limit
    }

    /// Column widths narrowed until a row fits `width`: the widest column, one character at a
    /// time. No column goes below its header (or 6), so a very narrow terminal still wraps
    /// rather than loses labels, and a `fixed` column keeps its width.
    static func fit(_ widths: [Int], headers: [String], fixed: Set<Int>, to width: Int) -> [Int] {
        var widths = widths
        let floors = headers.indices.map { fixed.contains($0) ? widths[$0] : max(6, headers[$0].count) }
        while widths.reduce(0, +) + 2 * (widths.count - 1) > width,
            let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] })
        {
            widths[widest] -= 1
        }
        return widths
    }

    /// Appends a cell of a line: padded to its column's width and two spaces, unless last.
    static func appendCell(_ text: UnsafeBufferPointer<UInt8>, width: Int, column: Int, last: Bool, widths: [Int], to out: inout [UInt8]) {
        out.append(contentsOf: text)
        if !last, column < widths.count { out.append(spaces: max(0, widths[column] - width) + 2) }
    }

    /// Ends a line: no trailing spaces (a blank last cell leaves its padding), then a newline.
    static func endLine(_ out: inout [UInt8]) {
        while out.last == 0x20 { out.removeLast() }
        out.append(0x0A)
    }

    /// Characters the text takes on a terminal, as `count` counts them; ASCII (after
    /// `terminalSafe`, no CR LF pair is left) counts its bytes, without grapheme breaking.
    static func width(_ s: String) -> Int {
        s.containsByte(where: { $0 >= 0x80 }) ? s.count : s.utf8.count
    }

    /// Removes C0/C1 controls and DEL so plan text can never drive the terminal.
    public static func terminalSafe(_ s: String) -> String {
        // Most text has no control character: one byte scan, no copy. 0xC2 leads the C1
        // controls (U+0080–U+009F), so text with it takes the careful way.
        if !s.containsByte(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) { return s }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            if u == "\n" || u == "\t" || u == "\r" { out.unicodeScalars.append(" "); continue }
            if u.value < 0x20 || (0x7F...0x9F).contains(u.value) { continue }
            out.unicodeScalars.append(u)
        }
        return out
    }

    static func truncate(_ s: String, to limit: Int?) -> String {
        guard let limit, !isUncut(s.count, limit: limit) else { return s }
        return String(s.prefix(limit - 1)) + "…"
    }
}
