/// `RecordTable`'s formats written a row at a time, for listings too long to hold whole:
/// the same bytes `RecordTable` renders, handed to `write` as they are made.
public struct RecordStream {
    public enum Format: String, Sendable { case tsv, csv, json }

    public let columns: [String]
    public let format: Format
    private let write: (String) -> Void
    private var array = JSONArrayWriter()

    /// Writes the header line at once (TSV and CSV, when `header`).
    public init(columns: [String], format: Format, header: Bool, write: @escaping (String) -> Void) {
        self.columns = columns
        self.format = format
        self.write = write
        guard header else { return }
        switch format {
        case .tsv: write(RecordTable.tsvLine(columns.map(RecordTable.Cell.text)))
        case .csv: write(CSVWriter.row(columns))
        case .json: break
        }
    }

    /// `row` must have one cell per column.
    public mutating func add(_ row: [RecordTable.Cell]) {
        switch format {
        case .tsv: write(RecordTable.tsvLine(row))
        case .csv: write(RecordTable.csvLine(row))
        case .json: write(array.element(RecordTable.jsonObject(row, columns: columns)))
        }
    }

    /// Closes a JSON array (`[]` when there were no rows); nothing for TSV and CSV.
    public func finish() {
        if format == .json { write(array.end()) }
    }
}
