/// A plan file's bytes and name, kept whole: what an in-place edit works on.
public struct SourceText: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
