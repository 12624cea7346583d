/// Which refs a plan has used, and on which line first: duplicate detection that stays
/// exact and small for a million actions (about 11 bytes a ref, against ~80 for a
/// `[String: Int]`; the index was most of `check`'s memory on big plans).
///
/// Entries sit back to back in an arena of 1 MiB chunks (a chunk per entry when one is
/// larger; chunks are never copied to grow, which doubled the peak): the line's distance
/// from the previous entry's line, the key's length and form (both LEB128) and its bytes.
/// A ref of up to 16 digits and dots (`12.3`, nearly every real ref) is packed four bits a
/// character; any other is kept as its UTF-8. An open-addressing table of 32-bit slots holds
/// arena positions (chunk << 20 + offset), with hash bits in the slot's spare top bits so
/// that a probe reads the arena only when those agree. Lines cost a byte or two as deltas; a first line,
/// needed only for a duplicate, is summed from the nearest checkpoint kept every 256 entries.
struct RefIndex {
    private var chunks: [[UInt8]] = []
    private static let chunkBits = 20
    /// Slot values are arena positions + 1; 0 marks an empty slot. Made at the first insert:
    /// one made here was shared with the reader's copy of its state and copied whole at the
    /// first write, two tables alive at once.
    private var table: [UInt32] = []
    /// Low bits of a slot hold the position + 1, the bits above a fingerprint of the hash.
    /// Eight fingerprint bits to start; one fewer each time the arena outgrows the position bits.
    private var positionBits = 24
    private let expected: Int
    private var count = 0
    private var lastLine = 0
    /// Arena offset and absolute line of every 256th entry.
    private var checkpointOffsets: [Int] = []
    private var checkpointLines: [Int] = []
    /// Refs queued by `add`.
    private var pending: [PendingRef] = []
    /// What the read-ahead loads gave, kept so that they are not optimised away.
    private var touched: UInt32 = 0
    /// Loads in flight at once: more than a core can have waiting for memory.
    static let batchSize = 32

    /// `expected` refs fit without growing the table: growing holds the old table and the new
    /// one at once, the peak of `check`'s memory on a big plan.
    init(expected: Int = 0) {
        self.expected = max(0, expected)
    }

    /// Queues `ref` at `line`, for `flush`; true when the queue is full and should be flushed.
    /// Refs inserted a batch at a time are read from memory together (`flush`).
    mutating func add(_ ref: String, line: Int) -> Bool {
        pending.append(PendingRef(ref: ref, line: line))
        return pending.count >= Self.batchSize
    }

    /// Inserts the queued refs in order, as `insert` would one by one; returns those already
    /// used, each with its first line.
    ///
    /// The slots their probes start at are read first, all of them. A slot is anywhere in a
    /// table of megabytes, so a probe waits for memory (most of `probe`'s samples on a large
    /// plan were at the table's load): loads issued together overlap their waits, where
    /// inserting one ref at a time waited once a ref.
    mutating func flush() -> [(ref: PendingRef, first: Int)] {
        guard !pending.isEmpty else { return [] }
        var repeated: [(ref: PendingRef, first: Int)] = []
        var batch = [PendingRef]()
        swap(&batch, &pending)  // moved out and back, not copied
        if !table.isEmpty {
            var seen: UInt32 = 0
            for p in batch { seen |= table[Self.slot(p.hash, in: table.count)] }
            touched = seen
        }
        for p in batch {
            let first = p.withKey { insert(key: $0, isPacked: $1, hash: p.hash, line: p.line) }
            if let first { repeated.append((p, first)) }
        }
        batch.removeAll(keepingCapacity: true)
        swap(&batch, &pending)
        return repeated
    }

    /// Records `ref` at `line` at once; returns the first line when the ref was already used.
    mutating func insert(_ ref: String, line: Int) -> Int? {
        let p = PendingRef(ref: ref, line: line)
        return p.withKey { insert(key: $0, isPacked: $1, hash: p.hash, line: line) }
    }

    private mutating func insert(key: UnsafeBufferPointer<UInt8>, isPacked: Bool, hash: UInt64, line: Int) -> Int? {
        // Slots no more than three-quarters full, not rounded up to a power of two.
        if table.isEmpty { table = Array(repeating: 0, count: max(1024, expected + expected / 3 + 1)) }
        let (slot, found) = probe(key, isPacked, hash)
        if let found { return self.line(at: found) }
        let delta = Self.zigzag(line - lastLine), header = UInt64(key.count) << 1 | (isPacked ? 1 : 0)
        let size = Self.varintSize(delta) + Self.varintSize(header) + key.count
        if chunks.isEmpty || chunks[chunks.count - 1].count + size > 1 << Self.chunkBits {
            // Positions are 32-bit: past 4,095 chunks (4 GB of refs), later refs go unchecked.
            guard chunks.count < (1 << (32 - Self.chunkBits)) - 1 else { return nil }
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(max(size, 1 << Self.chunkBits))
        }
        let last = chunks.count - 1
        let position = last << Self.chunkBits + chunks[last].count
        if count % 256 == 0 {
            checkpointOffsets.append(position)
            checkpointLines.append(line)
        }
        while positionBits < 32, (last + 1) << Self.chunkBits >= 1 << positionBits { narrowFingerprints() }
        table[slot] = UInt32(position + 1) | fingerprint(hash) << positionBits
        Self.appendVarint(delta, to: &chunks[last])
        Self.appendVarint(header, to: &chunks[last])
        chunks[last].append(contentsOf: key)
        lastLine = line
        count += 1
        if count * 4 > table.count * 3 { grow() }
        return nil
    }

    /// True when `later` (an index of the lines after this one's) holds a ref this one does:
    /// a duplicate across the cut of a file read in two parts.
    func sharesRef(with later: RefIndex) -> Bool {
        assert(pending.isEmpty && later.pending.isEmpty, "refs queued by add are flushed before parts are compared")
        guard !table.isEmpty else { return false }
        for chunk in later.chunks {
            let shared = chunk.withUnsafeBufferPointer { bytes in
                var i = 0
                while i < bytes.count {
                    _ = Self.readVarint(chunk, &i)  // the line
                    let header = Self.readVarint(chunk, &i)
                    let key = UnsafeBufferPointer(rebasing: bytes[i..<(i + Int(header >> 1))])
                    i += key.count
                    if probe(key, header & 1 == 1, Self.hash(key, header & 1 == 1)).found != nil { return true }
                }
                return false
            }
            if shared { return true }
        }
        return false
    }

    /// The key's entry (its arena offset) if held, else the empty slot it would take.
    private func probe(_ key: UnsafeBufferPointer<UInt8>, _ isPacked: Bool, _ hash: UInt64) -> (slot: Int, found: Int?) {
        var slot = Self.slot(hash, in: table.count)
        let wanted = fingerprint(hash)
        while table[slot] != 0 {
            if table[slot] >> positionBits == wanted {
                let offset = Int(table[slot] & positionMask) - 1
                if matches(offset, key, isPacked) { return (slot, offset) }
            }
            slot += 1
            if slot == table.count { slot = 0 }
        }
        return (slot, nil)
    }

    /// Digits and dots, four bits each (`0`–`9` as 1–10, `.` as 11; 0 is padding), in the
    /// bytes of a little-endian word: equal refs pack equally, and no two refs pack alike.
    static func packed(_ utf8: UnsafeBufferPointer<UInt8>) -> (value: UInt64, bytes: Int)? {
        guard !utf8.isEmpty, utf8.count <= 16 else { return nil }
        var value: UInt64 = 0
        for (i, b) in utf8.enumerated() {
            let code: UInt64
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): code = UInt64(b - UInt8(ascii: "0")) + 1
            case UInt8(ascii: "."): code = 11
            default: return nil
            }
            value |= code << (4 * UInt64(i))
        }
        return (value.littleEndian, (utf8.count + 1) / 2)
    }

    /// The entry at `position`: its line delta, its key's bytes within its chunk, whether the
    /// key is packed, and the position of the entry after it.
    private func entry(at position: Int) -> (delta: Int, chunk: Int, key: Range<Int>, isPacked: Bool, next: Int) {
        let c = position >> Self.chunkBits
        var i = position & ((1 << Self.chunkBits) - 1)
        let delta = Self.unzigzag(Self.readVarint(chunks[c], &i))
        let header = Self.readVarint(chunks[c], &i)
        let end = i + Int(header >> 1)
        let next = end < chunks[c].count ? c << Self.chunkBits + end : (c + 1) << Self.chunkBits
        return (delta, c, i..<end, header & 1 == 1, next)
    }

    private func matches(_ position: Int, _ key: UnsafeBufferPointer<UInt8>, _ isPacked: Bool) -> Bool {
        let e = entry(at: position)
        guard e.key.count == key.count, e.isPacked == isPacked else { return false }
        return chunks[e.chunk].withUnsafeBufferPointer { bytes in
            var k = 0
            for i in e.key {
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

    /// Shifts here are Swift's smart shifts: by 32 they give 0 (no fingerprint bits left).
    private var positionMask: UInt32 { positionBits < 32 ? (1 << UInt32(positionBits)) - 1 : .max }

    /// The hash's low word, cut to the bits above the position (the slot comes from the high word).
    private func fingerprint(_ hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash) >> positionBits
    }

    /// One more bit for positions, one fewer for fingerprints, in place: a fingerprint is the
    /// top bits of the hash's low word, so the shorter one is the longer one shifted.
    private mutating func narrowFingerprints() {
        let oldMask = positionMask
        positionBits += 1
        for i in table.indices where table[i] != 0 {
            table[i] = (table[i] & oldMask) | (table[i] >> positionBits) << positionBits
        }
    }

    private mutating func grow() {
        var bigger = [UInt32](repeating: 0, count: table.count * 2)
        for slotValue in table where slotValue != 0 {
            let e = entry(at: Int(slotValue & positionMask) - 1)
            let h = chunks[e.chunk][e.key].withUnsafeBufferPointer { Self.hash($0, e.isPacked) }
            var slot = Self.slot(h, in: bigger.count)
            while bigger[slot] != 0 {
                slot += 1
                if slot == bigger.count { slot = 0 }
            }
            bigger[slot] = slotValue
        }
        table = bigger
    }

    /// A slot from the hash's top bits, scaled to any table size (no power of two needed).
    private static func slot(_ hash: UInt64, in count: Int) -> Int {
        Int(((hash >> 32) &* UInt64(count)) >> 32)
    }

    private static func zigzag(_ n: Int) -> UInt64 { UInt64(bitPattern: Int64((n << 1) ^ (n >> 63))) }

    private static func unzigzag(_ u: UInt64) -> Int { Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))) }

    private static func varintSize(_ value: UInt64) -> Int {
        var v = value, size = 1
        while v >= 0x80 {
            v >>= 7
            size += 1
        }
        return size
    }

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

    /// FNV-1a, then a final mix so the top bits (which pick the slot) depend on every byte:
    /// deterministic across runs, unlike `Hasher`, and plenty for short refs.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ isPacked: Bool) -> UInt64 {
        var h: UInt64 = isPacked ? 0xcbf2_9ce4_8422_2325 : 0x84222325_cbf29ce4
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
