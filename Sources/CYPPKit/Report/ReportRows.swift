/// Some of the report's actions, in an order of their own (the exceptions, the stale
/// actions): positions in `Report.actions`, read through to the one array of rows.
/// A list of a million exceptions is then a million integers, not a million row copies.
public struct ReportRows: RandomAccessCollection, Sendable {
    /// Every row of the report; shared with `Report.actions`, not copied.
    private let all: [ReportAction]
    private let positions: [Int]

    init(_ all: [ReportAction], positions: [Int]) {
        self.all = all
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(i: Int) -> ReportAction { all[positions[i]] }
}
