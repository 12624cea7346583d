/// The numbers in a sorter record's own layout (`OverdueRecord`'s header, `OverdueTable`'s
/// cells): little-endian `UInt32`s, appended after what the record holds and read where they lie.
enum RecordBytes {
    static func append(_ n: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: n.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Two numbers in one append (a table writes two for each of its cells).
    static func append(_ a: UInt32, _ b: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: (a.littleEndian, b.littleEndian)) { out.append(contentsOf: $0) }
    }

    /// Two numbers written over the eight bytes at `offset` (appended there before they were known).
    static func set(_ a: UInt32, _ b: UInt32, in out: inout [UInt8], at offset: Int) {
        out.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: a.littleEndian, toByteOffset: offset, as: UInt32.self)
            raw.storeBytes(of: b.littleEndian, toByteOffset: offset + 4, as: UInt32.self)
        }
    }

    /// The number at `offset`; 0 past the record's end.
    static func uint32(_ record: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        guard offset >= 0, record.count >= offset + 4 else { return 0 }
        return UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}
