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
        switch format {
        case .tsv: appendDelimited(row, separator: 0x09, end: [0x0A], text: Self.appendFlattened, to: &out)
        case .csv: appendDelimited(row, separator: 0x2C, end: [0x0D, 0x0A], text: CSVWriter.appendField, to: &out)
        case .json: RecordTable.jsonObject(row, columns: columns).append(to: &out, indent: 2)
        }
    }

    private func appendDelimited(_ row: [RecordTable.Cell], separator: UInt8, end: [UInt8],
                                 text: (String, inout [UInt8]) -> Void, to out: inout [UInt8]) {
        for (i, cell) in row.enumerated() {
            if i > 0 { out.append(separator) }
            switch cell {
            case .text(let s): text(s, &out)
            case .number(let n): out.append(decimal: n)
            case .missing: break
            }
        }
        out.append(contentsOf: end)
    }

    /// TSV text: tabs and line breaks become spaces so every row is one line and `cut -f` /
    /// `awk -F '\t'` see the columns. A CR LF pair is one break, so one space.
    static func appendFlattened(_ s: String, to out: inout [UInt8]) {
        var text = s
        text.withUTF8 { b in
            guard let base = b.baseAddress else { return }
            // Copied from break to break: most text has none and is one copy. Eight bytes a
            // step past words with no byte a tab or a break can start with.
            var plain = 0, i = 0
            while i < b.count {
                if i + 8 <= b.count, !ByteScan.mayHoldBreakOrTab(ByteScan.word(base, at: i)) {
                    i += 8
                    continue
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
}
