/// Rows under stable column names, for scripts: the same columns as TSV, CSV or a JSON
/// array of objects, so a script can switch format without relearning the data.
public struct RecordTable: Sendable {
    public enum Cell: Equatable, Sendable {
        case text(String)
        case number(Int)
        /// No value: an empty cell in TSV and CSV, `null` in JSON.
        case missing

        public static func optional(_ s: String?) -> Cell { s.map(Cell.text) ?? .missing }
    }

    public let columns: [String]
    public private(set) var rows: [[Cell]] = []

    public init(columns: [String]) {
        self.columns = columns
    }

    /// `row` must have one cell per column; short rows are padded with `.missing`.
    public mutating func add(_ row: [Cell]) {
        rows.append(Array((row + Array(repeating: .missing, count: max(0, columns.count - row.count))).prefix(columns.count)))
    }

    /// Tab-separated, LF line ends; tabs and line breaks inside a cell become spaces so
    /// every row is one line and `cut -f` / `awk -F '\t'` see the columns.
    public func tsv(header: Bool = true) -> String {
        var out = header ? Self.tsvLine(columns.map(Cell.text)) : ""
        for row in rows { out += Self.tsvLine(row) }
        return out
    }

    /// RFC 4180 with CRLF; plan text is neutralised against spreadsheet formulas.
    public func csv(header: Bool = true) -> String {
        var out = header ? CSVWriter.row(columns) : ""
        for row in rows { out += Self.csvLine(row) }
        return out
    }

    /// An array of objects keyed by the column names; numbers stay numbers.
    public func json() -> JSONValue {
        .array(rows.map { Self.jsonObject($0, columns: columns) })
    }

    static func tsvLine(_ row: [Cell]) -> String { line(row, separator: "\t", end: "\n", text: flattened) }

    static func csvLine(_ row: [Cell]) -> String { line(row, separator: ",", end: "\r\n", text: CSVWriter.field) }

    /// One row: text cells through `text`, numbers as digits, missing cells empty.
    private static func line(_ row: [Cell], separator: String, end: String, text: (String) -> String) -> String {
        var line = ""
        for (i, cell) in row.enumerated() {
            if i > 0 { line += separator }
            switch cell {
            case .text(let s): line += text(s)
            case .number(let n): line += String(n)
            case .missing: break
            }
        }
        return line + end
    }

    static func jsonObject(_ row: [Cell], columns: [String]) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        for (name, cell) in zip(columns, row) {
            switch cell {
            case .text(let s): fields[name] = .string(s)
            case .number(let n): fields[name] = .int(n)
            case .missing: fields[name] = .null
            }
        }
        return .object(fields)
    }

    static func flattened(_ s: String) -> String {
        // Bytes first: with no tab, ASCII line break or lead byte of U+0085/U+2028/U+2029
        // (most cells), there is nothing to replace and no Character to look at.
        guard s.containsByte(where: { (0x09...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) else { return s }
        guard s.contains(where: { $0 == "\t" || $0.isNewline }) else { return s }
        return String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
