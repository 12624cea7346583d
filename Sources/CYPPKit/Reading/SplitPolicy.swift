/// When a reader may read a large file in two parts at once, one per core.
struct SplitPolicy: Sendable {
    /// Files smaller than this are read in one piece: a second thread costs more than it saves.
    var minimumBytes: Int
    /// Only split when the process can run two threads at once (`CoreCount.hasSpare`).
    var needsSpareCore = false

    /// 4 MiB (some 20,000 actions), when a second core is there to read the other part.
    static let automatic = SplitPolicy(minimumBytes: 4 << 20, needsSpareCore: true)
    static let never = SplitPolicy(minimumBytes: .max)
}

/// Where a large file may be cut in two: both formats look at line starts from the middle of the
/// rows on, up to three quarters of the way, for the first that a part can be read from.
enum SplitPoint {
    /// The first line start after the middle of `bytes[from...]` that `isCut` accepts; nil when
    /// none does before three quarters of the way.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, after from: Int, where isCut: (Int) -> Bool) -> Int? {
        let limit = from + (bytes.count - from) / 4 * 3
        var i = from + (bytes.count - from) / 2
        while i < limit, let lf = ByteScan.first(0x0A, in: bytes, i..<limit) {
            let candidate = lf + 1
            if isCut(candidate) { return candidate }
            i = candidate
        }
        return nil
    }
}
