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

    static let table: [UInt64: DueWord] = {
        var table: [UInt64: DueWord] = [:]
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
