/// The words the due-date grammar cares about — month and season names, and those that mean
/// no deadline — so the tokenizer can classify a word once; every other word is `.other`.
enum DueWord: Equatable, Sendable {
    case month(Int)
    /// The season's first month: 3 spring, 6 summer, 9 autumn, 12 winter.
    case season(Int)
    case ordinal, of, fy, q, quarter
    /// `Ongoing`, `TBC`, `Annually`…: on their own they deliberately name no deadline.
    case noDeadline
    /// Pieces of the multi-word no-deadline phrases `on going`, `n/a` and `to be confirmed`.
    case on, going, n, a, to, be, settled
    case other

    /// Up to 12 lowercase letters packed 5 bits each, so a lookup needs no `String`.
    static func pack(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 5 | UInt64(($1 | 0x20) &- 0x60) }
    }

    static let table: PackedWords = {
        var table = PackedWords()
        let months = ["january", "february", "march", "april", "may", "june", "july",
                      "august", "september", "october", "november", "december"]
        for (index, name) in months.enumerated() {
            table[pack(name)] = .month(index + 1)
            table[pack(String(name.prefix(3)))] = .month(index + 1)
        }
        table[pack("sept")] = .month(9)
        for (name, first) in [("spring", 3), ("summer", 6), ("autumn", 9), ("winter", 12)] {
            table[pack(name)] = .season(first)
        }
        for suffix in ["st", "nd", "rd", "th"] { table[pack(suffix)] = .ordinal }
        let fixed: [(String, DueWord)] = [("of", .of), ("fy", .fy), ("q", .q), ("quarter", .quarter),
                                          ("on", .on), ("going", .going), ("n", .n), ("a", .a),
                                          ("to", .to), ("be", .be)]
        for (name, word) in fixed { table[pack(name)] = word }
        for name in ["confirmed", "agreed", "determined", "arranged", "decided"] { table[pack(name)] = .settled }
        for name in ["ongoing", "tbc", "tba", "tbd", "na", "applicable", "none", "nil", "annually", "annual",
                     "termly", "quarterly", "monthly", "weekly", "fortnightly", "daily", "yearly",
                     "throughout", "continuous", "continual", "continually", "continuing", "rolling",
                     "regularly"] {
            table[pack(name)] = .noDeadline
        }
        return table
    }()
}

/// Packed words and what they are, sorted for a binary search. Not a dictionary: a dozen
/// comparisons find a word as fast as hashing it, and setting up a dictionary of a key type
/// made each start look up the key's `Hashable` conformance at run time.
struct PackedWords: Sendable {
    private var keys: [UInt64] = []
    private var words: [DueWord] = []

    subscript(packed: UInt64) -> DueWord? {
        get {
            let i = index(of: packed)
            return i < keys.count && keys[i] == packed ? words[i] : nil
        }
        set {
            let i = index(of: packed)
            let found = i < keys.count && keys[i] == packed
            switch (found, newValue) {
            case (true, let word?): words[i] = word
            case (true, nil): keys.remove(at: i); words.remove(at: i)
            case (false, let word?): keys.insert(packed, at: i); words.insert(word, at: i)
            case (false, nil): break
            }
        }
    }

    /// The first position whose key is not below `packed`.
    private func index(of packed: UInt64) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < packed { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
