/// Which refs a plan has used, and on which line first: duplicate detection that stays
/// exact and small for a million actions (about 15 bytes a ref, against ~80 for a
/// `[String: Int]`; the index was most of `check`'s memory on big plans).
///
/// Entries sit back to back in an arena of 1 MiB chunks (a chunk per entry when one is
/// larger; chunks are never copied to grow, which doubled the peak): the line's distance
/// from the previous entry's line, the ref's length (both LEB128) and its bytes. An
/// open-addressing table of 32-bit slots holds arena positions (chunk << 20 + offset).
/// Lines cost a byte or two as deltas; a first line, needed only for a duplicate, is summed
/// from the nearest checkpoint kept every 256 entries.
struct RefIndex {
    private var chunks: [[UInt8]] = []
    private static let chunkBits = 20
    /// Slot values are arena positions + 1; 0 marks an empty slot.
    private var table: [UInt32]
    private var count = 0
    private var lastLine = 0
    /// Arena offset and absolute line of every 256th entry.
    private var checkpointOffsets: [Int] = []
    private var checkpointLines: [Int] = []

    /// `expected` refs fit without growing the table: growing holds the old table and the new
    /// one at once, the peak of `check`'s memory on a big plan.
    init(expected: Int = 0) {
        var slots = 1024
        while slots * 3 < max(0, expected) * 4, slots < 1 << 30 { slots *= 2 }
        table = Array(repeating: 0, count: slots)
    }

    /// Records `ref` at `line`; returns the first line when the ref was already used.
    mutating func insert(_ ref: String, line: Int) -> Int? {
        var ref = ref
        return ref.withUTF8 { key in
            var slot = Int(Self.hash(key) & UInt64(table.count - 1))
            while table[slot] != 0 {
                let offset = Int(table[slot] - 1)
                if matches(offset, key) { return self.line(at: offset) }
                slot = (slot + 1) & (table.count - 1)
            }
            var entry: [UInt8] = []
            Self.appendVarint(Self.zigzag(line - lastLine), to: &entry)
            Self.appendVarint(UInt64(key.count), to: &entry)
            let size = entry.count + key.count
            if chunks.isEmpty || chunks[chunks.count - 1].count + size > 1 << Self.chunkBits {
                // Positions are 32-bit: past 4,095 chunks (4 GB of refs), later refs go unchecked.
                guard chunks.count < (1 << (32 - Self.chunkBits)) - 1 else { return nil }
                chunks.append([])
                chunks[chunks.count - 1].reserveCapacity(max(size, 1 << Self.chunkBits))
            }
            let position = (chunks.count - 1) << Self.chunkBits + chunks[chunks.count - 1].count
            if count % 256 == 0 {
                checkpointOffsets.append(position)
                checkpointLines.append(line)
            }
            table[slot] = UInt32(position + 1)
            chunks[chunks.count - 1].append(contentsOf: entry)
            chunks[chunks.count - 1].append(contentsOf: key)
            lastLine = line
            count += 1
            if count * 4 > table.count * 3 { grow() }
            return nil
        }
    }

    /// The entry at `position`: its line delta, its ref's bytes within its chunk, and the
    /// position of the entry after it.
    private func entry(at position: Int) -> (delta: Int, chunk: Int, ref: Range<Int>, next: Int) {
        let c = position >> Self.chunkBits
        var i = position & ((1 << Self.chunkBits) - 1)
        let delta = Self.unzigzag(Self.readVarint(chunks[c], &i))
        let length = Int(Self.readVarint(chunks[c], &i))
        let end = i + length
        let next = end < chunks[c].count ? c << Self.chunkBits + end : (c + 1) << Self.chunkBits
        return (delta, c, i..<end, next)
    }

    private func matches(_ position: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = entry(at: position)
        guard e.ref.count == key.count else { return false }
        return chunks[e.chunk].withUnsafeBufferPointer { bytes in
            var k = 0
            for i in e.ref {
                if bytes[i] != key[k] { return false }
                k += 1
            }
            return true
        }
    }

    /// The nearest checkpoint at or before `offset`, then the deltas of the entries after it.
    private func line(at offset: Int) -> Int {
        var lo = 0, hi = checkpointOffsets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if checkpointOffsets[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var at = checkpointOffsets[lo], line = checkpointLines[lo], current = entry(at: at)
        while at < offset {
            at = current.next
            current = entry(at: at)
            line += current.delta
        }
        return line
    }

    private mutating func grow() {
        var bigger = [UInt32](repeating: 0, count: table.count * 2)
        for slotValue in table where slotValue != 0 {
            let e = entry(at: Int(slotValue - 1))
            let h = chunks[e.chunk][e.ref].withUnsafeBufferPointer { Self.hash($0) }
            var slot = Int(h & UInt64(bigger.count - 1))
            while bigger[slot] != 0 { slot = (slot + 1) & (bigger.count - 1) }
            bigger[slot] = slotValue
        }
        table = bigger
    }

    private static func zigzag(_ n: Int) -> UInt64 { UInt64(bitPattern: Int64((n << 1) ^ (n >> 63))) }

    private static func unzigzag(_ u: UInt64) -> Int { Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))) }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    private static func readVarint(_ bytes: [UInt8], _ i: inout Int) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return value
    }

    /// FNV-1a: deterministic across runs, unlike `Hasher`, and plenty for short refs.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
