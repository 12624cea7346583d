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
