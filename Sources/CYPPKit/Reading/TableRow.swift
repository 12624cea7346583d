/// A table cell from either format, with what an edit or a diagnostic needs. It names no
/// file (its row does): a cell is made for every field of a million rows, and a file name
/// in each cost a retain and a release per cell.
struct TableCell {
    /// The cell's text; "" in a cell of a column the reader skips (`ColumnMap.skipping`),
    /// whose text nothing reads, or once taken (`TableRow.takeText`): `hasText` tells whether
    /// it has any.
    private(set) var text: String
    /// True when the cell holds text, whether or not `text` was made.
    let hasText: Bool
    /// The bytes that are the cell's text exactly, in a column read by its bytes
    /// (`SkippedColumns.isReadByBytes`) when the text needs no decoding; `text` is then not made.
    let textBytes: Range<Int>?
    /// Bytes an edit of this cell replaces (Markdown: between the pipes; CSV: the field).
    var range: Range<Int>
    let line: Int
    private let column: Column

    private enum Column {
        case known(Int)
        /// The scalars from the line's start to `at`, counted only when a diagnostic needs them:
        /// almost no cell is ever pointed at.
        case counted(lineStart: Int, at: Int)
    }

    init(text: String, range: Range<Int>, line: Int, column: Int) {
        self.text = text
        self.hasText = !text.isEmpty
        self.textBytes = nil
        self.range = range
        self.line = line
        self.column = .known(column)
    }

    /// A cell whose column is worked out on demand: where its text starts (`at`, by default
    /// the start of its range), counted in scalars from `lineStart`.
    init(text: String, range: Range<Int>, line: Int, lineStart: Int, at: Int? = nil) {
        self.init(text: text, hasText: !text.isEmpty, range: range, line: line, lineStart: lineStart, at: at)
    }

    /// A cell of a skipped column: no text, only whether it has any.
    init(skippedWithText hasText: Bool, range: Range<Int>, line: Int, lineStart: Int, at: Int? = nil) {
        self.init(text: "", hasText: hasText, range: range, line: line, lineStart: lineStart, at: at)
    }

    /// A cell whose text is these bytes of the file, as they are (not empty).
    init(textBytes: Range<Int>, range: Range<Int>, line: Int, lineStart: Int, at: Int? = nil) {
        self.init(text: "", hasText: true, range: range, line: line, lineStart: lineStart, at: at, textBytes: textBytes)
    }

    private init(text: String, hasText: Bool, range: Range<Int>, line: Int, lineStart: Int, at: Int?, textBytes: Range<Int>? = nil) {
        self.text = text
        self.hasText = hasText
        self.textBytes = textBytes
        self.range = range
        self.line = line
        self.column = .counted(lineStart: lineStart, at: at ?? range.lowerBound)
    }

    /// The text, moved out: "" is left behind.
    mutating func takeText() -> String {
        var taken = ""
        swap(&taken, &text)
        return taken
    }

    /// Where the cell is; `bytes` must be the buffer it was read from (a column counted on
    /// demand reads it).
    func location(file: String, bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        switch column {
        case .known(let c): return SourceLocation(file: file, line: line, column: c)
        case .counted(let lineStart, let at):
            return SourceLocation(file: file, line: line, column: ByteScan.column(of: at, lineStart: lineStart, in: bytes))
        }
    }
}

/// One row of a Markdown table, or a CSV header (records are read in place, `CSVRecordRow`).
/// Valid only while its file is being read.
struct TableRow {
    var cells: [TableCell]
    let file: String
    /// Changed alone when a CSV reader refills the row for its next record: a new location for
    /// each record retained the file's path and released the last one's.
    var line: Int
    /// The buffer the row was read from, for columns worked out on demand.
    let bytes: UnsafeBufferPointer<UInt8>

    init(cells: [TableCell], file: String, line: Int, bytes: UnsafeBufferPointer<UInt8>) {
        self.cells = cells
        self.file = file
        self.line = line
        self.bytes = bytes
    }

    /// The row's first column.
    var location: SourceLocation { SourceLocation(file: file, line: line) }

    func location(of cell: TableCell) -> SourceLocation { cell.location(file: file, bytes: bytes) }
}

extension TableRow: RowCells {
    var cellCount: Int { cells.count }

    func hasText(at i: Int) -> Bool { cells[i].hasText }

    /// The cell's text, made from its bytes if the reader left it as bytes.
    func text(at i: Int) -> String {
        guard let r = cells[i].textBytes else { return cells[i].text }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    /// Moved out when the cell holds its text: copied, it was retained once more, and released
    /// when the row was refilled. A cell left as bytes makes it.
    mutating func takeText(at i: Int) -> String { cells[i].textBytes == nil ? cells[i].takeText() : text(at: i) }

    /// The file's bytes if the reader left the cell as bytes, else the text it made.
    func withTextBytes<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let r = cells[i].textBytes else { return cells[i].text.withUTF8Bytes(body) }
        return body(UnsafeBufferPointer(rebasing: bytes[r]))
    }

    func location(at i: Int) -> SourceLocation { location(of: cells[i]) }

    func range(at i: Int) -> Range<Int> { cells[i].range }
}
