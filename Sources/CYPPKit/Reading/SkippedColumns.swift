/// The columns of a table whose cells' text a reader does not make, only noting whether
/// each cell has any (`RowCells.hasText`): what a consumer does not read, and plan columns
/// once the plan's title and metadata are known.
struct SkippedColumns: Sendable {
    private var columns: [Bool]
    /// For cells past the header's last column: extra text, kept as "column N".
    private let beyondHeader: Bool
    /// Columns whose Markdown cells are kept as their bytes where the text needs no decoding
    /// (`TableCell.textBytes`): those whose few distinct texts the assembler looks up by bytes.
    /// A CSV record needs no such choice: every field stays where it is until asked for.
    private let readByBytes: [Bool]

    init(_ columns: [Bool], beyondHeader: Bool, readByBytes: [Bool] = []) {
        self.columns = columns
        self.beyondHeader = beyondHeader
        self.readByBytes = readByBytes
    }

    /// Skips no column.
    static let nothing = SkippedColumns([], beyondHeader: false)

    subscript(column: Int) -> Bool { column < columns.count ? columns[column] : beyondHeader }

    /// True when the column's cells may be left as bytes.
    func isReadByBytes(_ column: Int) -> Bool { column < readByBytes.count && readByBytes[column] }

    mutating func skip(_ indices: [Int]) {
        for i in indices where i < columns.count { columns[i] = true }
    }
}
