/// A row as the assembler reads it, one cell at a time where the cells are: a Markdown table
/// row (`TableRow`, whose cells the pipe parser made) or a CSV record in place
/// (`CSVRecordRow`, whose fields become text only when asked). Cells are numbered by column.
protocol RowCells {
    var cellCount: Int { get }
    /// The row: its first line, column 1.
    var location: SourceLocation { get }
    /// True when the cell holds text once trimmed, whether or not its text is made.
    func hasText(at i: Int) -> Bool
    /// The cell's text, trimmed and decoded; "" in a column the reader skips (`SkippedColumns`).
    func text(at i: Int) -> String
    /// The same text for a value that keeps it, moved out where the row holds it: the cell's
    /// text is not to be read again after.
    mutating func takeText(at i: Int) -> String
    /// The text's UTF-8 during `body`: the file's own bytes when they are the text exactly. A
    /// lookup by bytes sees one text the same either way.
    func withTextBytes<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
    /// Where the cell is, for a diagnostic: in a Markdown row where its text starts, in a CSV
    /// record where its field does (at a quote, if quoted).
    func location(at i: Int) -> SourceLocation
    /// The bytes an edit of the cell replaces.
    func range(at i: Int) -> Range<Int>
}

extension RowCells {
    /// True when any cell holds text: a row of blank cells is no row.
    var hasAnyText: Bool {
        for i in 0..<cellCount where hasText(at: i) { return true }
        return false
    }
}
