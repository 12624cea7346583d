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
        line.used = line.out.count
        write(&line)
        switch format {
        case .tsv:
            line.settle()
            line.out.append(0x0A)
        case .csv: line.out.append(contentsOf: [0x0D, 0x0A])
        case .json: RecordTable.jsonObject(line.json.cells, columns: columns).append(to: &line.out, indent: 2)
        }
    }

    /// TSV text, flattened: tabs and line breaks become spaces so every row is one line and
    /// `cut -f` / `awk -F '\t'` see the columns; a CR LF pair is one break, so one space.
    /// These are the runs of `b` between its tabs and breaks, in order, each but the last with
    /// `space` true: a space stands for the break after it. Flattened text is never longer.
    @inline(__always)
    static func forEachFlattenedPiece(_ b: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, _ space: Bool) -> Void) {
        guard let base = b.baseAddress else { return }
        // Most text has no break and is one run. Eight bytes a step past words with no byte a
        // tab or a break can start with; in a word with one, straight to the first (most are
        // curly quotes and dashes, 0xE2 like U+2028).
        var plain = 0, i = 0
        while i < b.count {
            if i + 8 <= b.count {
                let marks = ByteScan.breakOrTabMarks(ByteScan.word(base, at: i))
                guard marks != 0 else {
                    i += 8
                    continue
                }
                i += marks.trailingZeroBitCount / 8
            } else if b.count >= 8 {
                // The last few bytes: the text's last word, less the bytes already passed.
                // With those marks gone, the lowest left may be a false alarm: checked below.
                let last = b.count - 8
                let marks = ByteScan.breakOrTabMarks(ByteScan.word(base, at: last)) & (~0 << (8 * UInt64(i - last)))
                guard marks != 0 else { break }
                i = last + marks.trailingZeroBitCount / 8
            }
            let width = b[i] == 0x09 ? 1 : ByteScan.lineBreak(b, at: i)
            guard width > 0 else {
                i += 1
                continue
            }
            body(UnsafeBufferPointer(rebasing: b[plain..<i]), true)
            i += width
            plain = i
        }
        body(UnsafeBufferPointer(rebasing: b[plain...]), false)
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
    /// In a TSV line, the bytes of `out` that are the record so far. A TSV cell is written
    /// through a pointer into room made past them (`out` longer than `used`), and `out` is cut
    /// back to them when the line is done: appended a piece at a time, a cell's tab and text
    /// cost some 130 instructions in the array's checks, more than the copying. CSV and JSON
    /// lines append to `out` as it is.
    fileprivate var used = 0
    fileprivate var json = CellList()
    private var count = 0

    fileprivate init(format: RecordFormat) { self.format = format }

    public mutating func text(_ s: String) {
        switch format {
        case .tsv: s.withUTF8Bytes { writeFlattened($0) }
        case .csv:
            separate()
            CSVWriter.appendField(s, to: &out)
        case .json: json.text(s)
        }
    }

    public mutating func number(_ n: Int) {
        switch format {
        case .tsv:
            writeTSVCell(room: ByteScan.maxDecimalBytes) { ByteScan.writeDecimal(n, to: $0) }
        case .csv:
            separate()
            out.append(decimal: n)
        case .json: json.number(n)
        }
    }

    public mutating func missing() {
        switch format {
        case .tsv: writeTSVCell(room: 0) { _ in 0 }
        case .csv: separate()
        case .json: json.missing()
        }
    }

    /// A TSV text cell, flattened (`RecordLine.forEachFlattenedPiece`).
    private mutating func writeFlattened(_ b: UnsafeBufferPointer<UInt8>) {
        writeTSVCell(room: b.count, from: b) { at in
            var written = 0
            RecordLine.forEachFlattenedPiece(b) { piece, space in
                if let from = piece.baseAddress { (at + written).update(from: from, count: piece.count) }
                written += piece.count
                if space {
                    at[written] = 0x20
                    written += 1
                }
            }
            return written
        }
    }

    /// Writes a TSV cell of at most `room` bytes in place, after its tab: `body` is given
    /// where the cell starts and returns how many bytes it wrote.
    private mutating func writeTSVCell(room: Int, from b: UnsafeBufferPointer<UInt8> = .init(start: nil, count: 0),
                                       _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if out.count - used < room + 1 { makeRoom(room + 1, from: b) }
        var at = used
        let tab = count > 0
        out.withUnsafeMutableBufferPointer { line in
            guard let start = line.baseAddress else { return }
            if tab {
                start[at] = 0x09
                at += 1
            }
            at += body(start + at)
        }
        used = at
        count += 1
    }

    /// At least `room` bytes past `used`: 512 zeros, copied from the stack, enough for most
    /// lines; else the cell's own bytes `b` (and zeros for any room past them). Made with
    /// `repeatElement`, room cost 3% more instructions for `overdue`: it appends a byte at a time.
    private mutating func makeRoom(_ room: Int, from b: UnsafeBufferPointer<UInt8>) {
        let chunk = 512
        if room <= chunk {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { zeros in
                zeros.initialize(repeating: 0)
                out.append(contentsOf: zeros)
            }
        } else {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b.prefix(room)))
            for _ in b.count..<max(b.count, room) { out.append(0) }
        }
    }

    /// `out` cut back to the record written so far.
    fileprivate mutating func settle() {
        if out.count > used { out.removeLast(out.count - used) }
    }

    /// A CSV cell's comma (a TSV cell's tab is written with it).
    private mutating func separate() {
        if count > 0 { out.append(0x2C) }
        count += 1
    }
}
