/// A CSV record as the assembler reads it: the scanner's fields where they lie in the file,
/// each made text only when the assembler asks for it. Building a cell for each field first
/// (a string or a byte range, its line and column) cost a twentieth of `overdue` on a large
/// CSV, most of it for cells nothing read. One row is refilled for every record.
struct CSVRecordRow: RowCells {
    /// The record's fields, refilled by the scanner (`CSVScanner.next(into:)`).
    var fields: [CSVField] = []
    let file: String
    /// The record's first line.
    var line = 1
    /// The buffer the scanner reads.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Columns whose text is not made: cells there only say whether they have any.
    var skipped: SkippedColumns

    init(file: String, bytes: UnsafeBufferPointer<UInt8>, skipping skipped: SkippedColumns) {
        self.file = file
        self.bytes = bytes
        self.skipped = skipped
    }

    var cellCount: Int { fields.count }

    var location: SourceLocation { SourceLocation(file: file, line: line) }

    func hasText(at i: Int) -> Bool { fields[i].hasCellText(in: bytes) }

    func text(at i: Int) -> String { skipped[i] ? "" : fields[i].cellText(in: bytes) }

    /// Made afresh: the row keeps no text to move.
    func takeText(at i: Int) -> String { text(at: i) }

    func withTextBytes<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !skipped[i], let plain = fields[i].plainText(in: bytes) { return body(UnsafeBufferPointer(rebasing: bytes[plain])) }
        return text(at: i).withUTF8Bytes(body)
    }

    func location(at i: Int) -> SourceLocation {
        let f = fields[i]
        return SourceLocation(file: file, line: f.line, column: ByteScan.column(of: f.range.lowerBound, lineStart: f.lineStart, in: bytes))
    }

    func range(at i: Int) -> Range<Int> { fields[i].range }
}
