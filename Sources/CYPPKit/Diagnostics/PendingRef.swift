/// A ref queued for `RefIndex.flush`, with the line of the action that has it, and the key
/// it is kept as worked out: packed when it is digits and dots (`packedBytes` > 0), else its
/// UTF-8; and that key's hash.
struct PendingRef {
    let ref: String
    let line: Int
    private let packed: UInt64, packedBytes: Int
    private(set) var hash: UInt64 = 0

    init(ref: String, line: Int) {
        self.ref = ref
        self.line = line
        let packed = ref.withUTF8Bytes { RefIndex.packed($0) }
        self.packed = packed?.value ?? 0
        packedBytes = packed?.bytes ?? 0
        hash = withKey { RefIndex.hash($0, $1) }
    }

    /// The key's bytes during `body`, and whether they are packed.
    func withKey<R>(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> R) -> R {
        guard packedBytes > 0 else { return ref.withUTF8Bytes { body($0, false) } }
        var packed = packed
        return withUnsafeBytes(of: &packed) { raw in body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<packedBytes]), true) }
    }
}
