/// The formats a `RecordTable` is written in for scripts.
public enum RecordFormat: String, Sendable {
    case tsv, csv, json
}

/// One record as bytes, in a script's format: how TSV, CSV and JSON write a cell, in one
/// place. A line is appended to a byte buffer with no String built on the way, which is what
/// lets `overdue` keep a million rendered rows in its sorter and print them as they come.
public struct RecordLine: Sendable {
    public let columns: [String]
    public let format: RecordFormat

    public init(columns: [String], format: RecordFormat) {
        self.columns = columns
        self.format = format
    }

    /// TSV and CSV: the column names as a line. JSON has none.
    public func appendHeader(to out: inout [UInt8]) {
        guard format != .json else { return }
        append(columns.map(RecordTable.Cell.text), to: &out)
    }

    /// `row` (one cell per column) as a TSV or CSV line, or as a JSON object two spaces deep,
    /// the way an element of `JSONValue.array` is written (no separator, no final newline).
    public func append(_ row: [RecordTable.Cell], to out: inout [UInt8]) {
        append(to: &out) { line in
            for cell in row { line.add(cell) }
        }
    }

    /// The same, with `write` giving the cells one at a time, in column order: a TSV or CSV
    /// line is then written as they come, with no array of cells made for it (the cells, their
    /// strings retained and released, were a third of what a listed row cost `overdue`).
    public func append(to out: inout [UInt8], _ write: (inout LineCells) -> Void) {
        var line = LineCells(format: format)
        swap(&line.out, &out)  // moved in and out, not copied
        defer { swap(&line.out, &out) }
        write(&line)
        switch format {
        case .tsv: line.out.append(0x0A)
        case .csv: line.out.append(contentsOf: [0x0D, 0x0A])
        case .json: RecordTable.jsonObject(line.json.cells, columns: columns).append(to: &line.out, indent: 2)
        }
    }

    /// TSV text: tabs and line breaks become spaces so every row is one line and `cut -f` /
    /// `awk -F '\t'` see the columns. A CR LF pair is one break, so one space.
    static func appendFlattened(_ s: String, to out: inout [UInt8]) {
        s.withUTF8Bytes { appendFlattened($0, to: &out) }
    }

    private static func appendFlattened(_ b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = b.baseAddress else { return }
        // Copied from break to break: most text has none and is one copy. Eight bytes a
        // step past words with no byte a tab or a break can start with; in a word with one,
        // straight to the first (most are curly quotes and dashes, 0xE2 like U+2028).
        var plain = 0, i = 0
        while i < b.count {
            if i + 8 <= b.count {
                let marks = ByteScan.breakOrTabMarks(ByteScan.word(base, at: i))
                guard marks != 0 else {
                    i += 8
                    continue
                }
                i += marks.trailingZeroBitCount / 8
            }
            let width = b[i] == 0x09 ? 1 : ByteScan.lineBreak(b, at: i)
            guard width > 0 else {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[plain..<i]))
            out.append(0x20)
            i += width
            plain = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[plain...]))
    }
}

/// Where a record's cells go, one at a time in column order.
public protocol RecordCells {
    mutating func text(_ s: String)
    mutating func number(_ n: Int)
    /// No value: an empty cell in TSV and CSV, `null` in JSON.
    mutating func missing()
}

extension RecordCells {
    mutating func optional(_ s: String?) {
        if let s { text(s) } else { missing() }
    }

    mutating func add(_ cell: RecordTable.Cell) {
        switch cell {
        case .text(let s): text(s)
        case .number(let n): number(n)
        case .missing: missing()
        }
    }
}

/// A record's cells as an array.
public struct CellList: RecordCells {
    public private(set) var cells: [RecordTable.Cell] = []
    public init() {}
    public mutating func text(_ s: String) { cells.append(.text(s)) }
    public mutating func number(_ n: Int) { cells.append(.number(n)) }
    public mutating func missing() { cells.append(.missing) }
}

/// The cells of a line `RecordLine` is writing: TSV and CSV cells go straight into its bytes;
/// JSON's are kept, for an object whose keys are sorted.
public struct LineCells: RecordCells {
    let format: RecordFormat
    fileprivate var out: [UInt8] = []
    fileprivate var json = CellList()
    private var count = 0

    fileprivate init(format: RecordFormat) { self.format = format }

    public mutating func text(_ s: String) {
        guard format != .json else { return json.text(s) }
        separate()
        if format == .tsv { RecordLine.appendFlattened(s, to: &out) } else { CSVWriter.appendField(s, to: &out) }
    }

    public mutating func number(_ n: Int) {
        guard format != .json else { return json.number(n) }
        separate()
        out.append(decimal: n)
    }

    public mutating func missing() {
        guard format != .json else { return json.missing() }
        separate()
    }

    private mutating func separate() {
        if count > 0 { out.append(format == .tsv ? 0x09 : 0x2C) }
        count += 1
    }
}
