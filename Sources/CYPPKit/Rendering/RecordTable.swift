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
    public func tsv(header: Bool = true) -> String { lines(.tsv, header: header) }

    /// RFC 4180 with CRLF; plan text is neutralised against spreadsheet formulas.
    public func csv(header: Bool = true) -> String { lines(.csv, header: header) }

    /// An array of objects keyed by the column names; numbers stay numbers.
    public func json() -> JSONValue {
        .array(rows.map { Self.jsonObject($0, columns: columns) })
    }

    private func lines(_ format: RecordFormat, header: Bool) -> String {
        let line = RecordLine(columns: columns, format: format)
        var out: [UInt8] = []
        if header { line.appendHeader(to: &out) }
        for row in rows { line.append(row, to: &out) }
        return String(decoding: out, as: UTF8.self)
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
}
