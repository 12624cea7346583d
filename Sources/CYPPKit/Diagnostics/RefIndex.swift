/// Which refs a plan has used, and on which line first: duplicate detection that stays
/// exact and small for a million actions. Ref bytes live in one arena; an open-addressing
/// table of 32-bit slots points into it (about 20 bytes per ref, against ~80 for a
/// `[String: Int]`).
struct RefIndex {
    private var arena: [UInt8] = []
    private var starts: [UInt32] = []
    private var lines: [UInt32] = []
    /// Slot values are entry numbers + 1; 0 marks an empty slot.
    private var table: [UInt32] = Array(repeating: 0, count: 1024)

    /// Records `ref` at `line`; returns the first line when the ref was already used.
    mutating func insert(_ ref: String, line: Int) -> Int? {
        var ref = ref
        return ref.withUTF8 { key in
            var slot = Int(Self.hash(key) & UInt64(table.count - 1))
            while table[slot] != 0 {
                let entry = Int(table[slot] - 1)
                if matches(entry, key) { return Int(lines[entry]) }
                slot = (slot + 1) & (table.count - 1)
            }
            table[slot] = UInt32(starts.count + 1)
            starts.append(UInt32(truncatingIfNeeded: arena.count))
            lines.append(UInt32(truncatingIfNeeded: line))
            arena.append(contentsOf: key)
            if starts.count * 4 > table.count * 3 { grow() }
            return nil
        }
    }

    private func bounds(_ entry: Int) -> Range<Int> {
        Int(starts[entry])..<(entry + 1 < starts.count ? Int(starts[entry + 1]) : arena.count)
    }

    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = bounds(entry)
        guard r.count == key.count else { return false }
        for (k, i) in r.enumerated() where arena[i] != key[k] { return false }
        return true
    }

    private mutating func grow() {
        var bigger = [UInt32](repeating: 0, count: table.count * 2)
        for entry in 0..<starts.count {
            let h = arena[bounds(entry)].withUnsafeBufferPointer { Self.hash($0) }
            var slot = Int(h & UInt64(bigger.count - 1))
            while bigger[slot] != 0 { slot = (slot + 1) & (bigger.count - 1) }
            bigger[slot] = UInt32(entry + 1)
        }
        table = bigger
    }

    /// FNV-1a: deterministic across runs, unlike `Hasher`, and plenty for short refs.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
