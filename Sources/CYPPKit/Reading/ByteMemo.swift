/// Values worked out once for each distinct text, looked up by the text's bytes. Due dates,
/// owners and ratings repeat on every row of a plan: making a string of each cell only to
/// hash it (non-ASCII text is normalised first) and look it up was a cost of every row.
///
/// Keys sit back to back in one buffer; an open-addressing table of indices finds them.
/// Bytes, not strings, are compared: two spellings of one text (a composed and a decomposed
/// `ë`) are two entries, each worked out from its own bytes, so a value that keeps its text
/// (a due date, an owner) keeps that cell's spelling.
struct ByteMemo<Value> {
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    private var values: [Value] = []
    /// Entry index + 1; 0 marks an empty slot. A power of two, at most half full.
    private var slots: [Int32] = []
    /// Past this many entries, values are worked out each time and not kept: a file of a
    /// million different due texts must not grow the memo without bound.
    let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    /// The value for `key`, made by `make` (from the same bytes) the first time.
    mutating func value(for key: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        let (slot, entry) = find(key)
        if let entry { return values[entry] }
        let value = make(key)
        insert(value, for: key, at: slot)
        return value
    }

    /// The value kept for `key`, if there is one.
    func existing(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        find(key).entry.map { values[$0] }
    }

    /// The key's entry, or the empty slot where it would go (-1 before the table is made).
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (slot: Int, entry: Int?) {
        guard !slots.isEmpty else { return (-1, nil) }
        let mask = slots.count - 1
        var slot = home(Self.hash(key))
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if matches(entry, key) { return (slot, entry) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>, at slot: Int) {
        guard values.count < limit else { return }
        var slot = slot
        if slots.isEmpty {
            slots = Array(repeating: 0, count: 64)
            slot = find(key).slot
        }
        keyBytes.append(contentsOf: key)
        keyEnds.append(keyBytes.count)
        values.append(value)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = entry == 0 ? 0 : keyEnds[entry - 1]
        guard keyEnds[entry] - start == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { ByteScan.equal(UnsafeBufferPointer(rebasing: $0[start..<keyEnds[entry]]), key) }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        keyBytes.withUnsafeBufferPointer { all in
            for entry in values.indices {
                let start = entry == 0 ? 0 : keyEnds[entry - 1]
                var slot = home(Self.hash(UnsafeBufferPointer(rebasing: all[start..<keyEnds[entry]])))
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(entry + 1)
            }
        }
    }

    /// The slot a hash's probe starts at: its top bits, which a multiplication mixes from all the others.
    private func home(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> UInt64(64 - slots.count.trailingZeroBitCount))
    }

    /// The bytes eight at a time (an owner cell is some forty), each word mixed in by a
    /// multiplication, the last few as one more word; then mixed again so the top bits, which
    /// pick the slot, depend on every byte. FNV-1a a byte at a time cost five times as much,
    /// and the last few bytes a multiplication each were a fifth of the lookups' hashing.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return h }
        var i = 0
        while i + 8 <= key.count {
            h = mix(h, ByteScan.word(base, at: i))
            i += 8
        }
        guard i < key.count else { return (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9 }
        // The last eight bytes, some of them hashed again, when there are eight; else the few
        // there are. The key's length, mixed in first, keeps `ab` and `ab\0` apart.
        var last: UInt64 = 0
        if key.count >= 8 {
            last = ByteScan.word(base, at: key.count - 8)
        } else {
            for j in 0..<key.count { last |= UInt64(key[j]) << (8 * UInt64(j)) }
        }
        h = mix(h, last)
        return (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let m = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 32)
    }
}

extension ByteMemo: Sendable where Value: Sendable {}
