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

/// A run's bytes on their way to the temporary file: each record's key (number, group and
/// hint) and length as 8 little-endian bytes each, then the record (`RunReader` reads them back).
struct SpillEncoder {
    private(set) var bytes: [UInt8] = []
    static let headerSize = 32

    mutating func encode(_ key: SortKey) {
        encode(key.number)
        encode(Int(key.group))
        encode(Int(Int64(bitPattern: key.hint)))
    }

    mutating func encode(_ n: Int) {
        withUnsafeBytes(of: Int64(n).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func reserve(_ capacity: Int) { bytes.reserveCapacity(capacity) }
}
