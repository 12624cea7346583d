/// The columns of a table whose cells' text a reader does not make, only noting whether
/// each cell has any (`TableCell.hasText`): what a consumer does not read, and plan columns
/// once the plan's title and metadata are known.
struct SkippedColumns: Sendable {
    private var columns: [Bool]
    /// For cells past the header's last column: extra text, kept as "column N".
    private let beyondHeader: Bool

    init(_ columns: [Bool], beyondHeader: Bool) {
        self.columns = columns
        self.beyondHeader = beyondHeader
    }

    /// Skips no column.
    static let nothing = SkippedColumns([], beyondHeader: false)

    subscript(column: Int) -> Bool { column < columns.count ? columns[column] : beyondHeader }

    mutating func skip(_ indices: [Int]) {
        for i in indices where i < columns.count { columns[i] = true }
    }
}
