/// `RecordTable`'s formats written a row at a time, for listings too long to hold whole:
/// the same bytes `RecordTable` renders, handed to `write` as they are made.
public struct RecordStream {
    public let line: RecordLine
    private let write: (UnsafeRawBufferPointer) -> Void
    private var array = JSONArrayWriter()
    private var buffer: [UInt8] = []

    /// Writes the header line at once (TSV and CSV, when `header`).
    public init(columns: [String], format: RecordFormat, header: Bool, write: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.line = RecordLine(columns: columns, format: format)
        self.write = write
        guard header else { return }
        line.appendHeader(to: &buffer)
        flush()
    }

    /// `row` must have one cell per column.
    public mutating func add(_ row: [RecordTable.Cell]) {
        separate()
        line.append(row, to: &buffer)
        flush()
    }

    /// A row `line` has already rendered: what a sorter that kept rendered rows hands back.
    public mutating func add(rendered: UnsafeRawBufferPointer) {
        separate()
        buffer.append(contentsOf: rendered)
        flush()
    }

    /// Closes a JSON array (`[]` when there were no rows); nothing for TSV and CSV.
    public mutating func finish() {
        guard line.format == .json else { return }
        buffer.append(contentsOf: array.end().utf8)
        flush()
    }

    /// JSON's bracket or comma before an element.
    private mutating func separate() {
        if line.format == .json { buffer.append(contentsOf: array.separator().utf8) }
    }

    private mutating func flush() {
        buffer.withUnsafeBytes(write)
        buffer.removeAll(keepingCapacity: true)
    }
}
