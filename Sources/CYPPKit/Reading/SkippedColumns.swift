/// The columns of a table whose cells' text a reader does not make, only noting whether
/// each cell has any (`TableCell.hasText`): what a consumer does not read, and plan columns
/// once the plan's title and metadata are known.
struct SkippedColumns: Sendable {
    private var columns: [Bool]
    /// For cells past the header's last column: extra text, kept as "column N".
    private let beyondHeader: Bool
    /// Columns whose cells are read by their bytes where the text needs no decoding
    /// (`TableCell.textBytes`): those whose few distinct texts the assembler looks up by bytes.
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
