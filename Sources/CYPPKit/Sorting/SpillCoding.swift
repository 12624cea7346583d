/// A value kept as bytes in an `ExternalSorter`'s records, and read back.
public protocol SpillCodable {
    func encode(into encoder: inout SpillEncoder)
    init(from decoder: inout SpillDecoder) throws(SpillError)
}

/// Why sorting through a temporary file failed. The file is private to the process, so a
/// decoding failure means the disk handed back something else than was written.
public enum SpillError: Error, Equatable, CustomStringConvertible {
    case cannotCreate(directory: String, reason: String)
    case cannotWrite(reason: String)
    case cannotRead(reason: String)
    case corrupt

    public var description: String {
        switch self {
        case .cannotCreate(let dir, let reason):
            "cannot create a temporary file in \(dir) to sort the rows: \(reason) (set TMPDIR to a folder with room)"
        case .cannotWrite(let reason):
            "cannot write the temporary file that sorts the rows: \(reason) (set TMPDIR to a folder with room)"
        case .cannotRead(let reason): "cannot read back the temporary file that sorts the rows: \(reason)"
        case .corrupt: "the temporary file that sorts the rows came back damaged"
        }
    }
}

/// Appends values as bytes: integers as 8 little-endian bytes, strings as a length and UTF-8.
public struct SpillEncoder {
    public private(set) var bytes: [UInt8] = []

    public mutating func encode(_ n: Int) {
        withUnsafeBytes(of: Int64(n).littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func encode(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            encode(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A flag, then the value when there is one.
    public mutating func encode(_ s: String?) {
        bytes.append(s == nil ? 0 : 1)
        if let s { encode(s) }
    }

    public mutating func encode(_ n: Int?) {
        bytes.append(n == nil ? 0 : 1)
        if let n { encode(n) }
    }

    mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

/// Reads what a `SpillEncoder` wrote, checking every length against the bytes there are.
public struct SpillDecoder {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public mutating func decode(_: Int.Type = Int.self) throws(SpillError) -> Int {
        guard bytes.count - index >= 8 else { throw .corrupt }
        var raw: Int64 = 0
        withUnsafeMutableBytes(of: &raw) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + 8)])) }
        index += 8
        return Int(Int64(littleEndian: raw))
    }

    public mutating func decode(_: String.Type = String.self) throws(SpillError) -> String {
        let count = try decode(Int.self)
        guard count >= 0, bytes.count - index >= count else { throw .corrupt }
        defer { index += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)]), as: UTF8.self)
    }

    public mutating func decodeOptional(_: String.Type) throws(SpillError) -> String? {
        try flag() ? try decode(String.self) : nil
    }

    public mutating func decodeOptional(_: Int.Type) throws(SpillError) -> Int? {
        try flag() ? try decode(Int.self) : nil
    }

    private mutating func flag() throws(SpillError) -> Bool {
        guard index < bytes.count, bytes[index] <= 1 else { throw .corrupt }
        defer { index += 1 }
        return bytes[index] == 1
    }
}
