/// Punctuation that can join the parts of a date; everything else is `.other`.
enum DueSymbol: Equatable, Sendable { case slash, dash, dot, comma, apostrophe, other }

/// One lexical piece of a due cell. Forms match a few tokens rather than characters, so each
/// has a small fixed look-ahead and the whole parse stays linear.
struct DueToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `value` holds at most the first 9 digits, so it can never overflow; check `digits`.
        case number(value: Int, digits: Int)
        case word(DueWord)
        case symbol(DueSymbol)
        /// Non-ASCII text or control characters: content, but never part of a date.
        case other
    }
    let kind: Kind
    /// True when whitespace, an HTML tag or the start of the text separates it from the previous token.
    let spaced: Bool
}

/// Splits UTF-8 bytes into tokens, treating HTML tags (`<p>`, `<ul style=…>`) as spaces.
struct DueTokenizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> DueToken? {
        var spaced = index == 0
        while index < bytes.count {
            let width = separatorWidth(at: index)
            if width == 0 { break }
            index += width
            spaced = true
        }
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if Self.isDigit(byte) { return DueToken(kind: number(), spaced: spaced) }
        if Self.isLetter(byte) { return DueToken(kind: word(), spaced: spaced) }
        if byte >= 0x80 { return DueToken(kind: nonASCII(), spaced: spaced) }
        index += 1
        let kind: DueToken.Kind
        switch byte {
        case UInt8(ascii: "/"): kind = .symbol(.slash)
        case UInt8(ascii: "-"): kind = .symbol(.dash)
        case UInt8(ascii: "."): kind = .symbol(.dot)
        case UInt8(ascii: ","): kind = .symbol(.comma)
        case UInt8(ascii: "'"), UInt8(ascii: "`"): kind = .symbol(.apostrophe)
        case 0x00..<0x20, 0x7F: kind = .other
        default: kind = .symbol(.other)
        }
        return DueToken(kind: kind, spaced: spaced)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private func byte(at j: Int) -> UInt8 { j < bytes.count ? bytes[j] : 0 }

    /// Width of whitespace, a no-break or other Unicode space, or an HTML tag at `j`; 0 if none.
    private func separatorWidth(at j: Int) -> Int {
        switch bytes[j] {
        case 0x20, 0x09...0x0D: return 1
        case 0xC2 where byte(at: j + 1) == 0xA0: return 2
        case 0xE2 where byte(at: j + 1) == 0x80 && (0x80...0x8B).contains(byte(at: j + 2)): return 3
        case UInt8(ascii: "<"): return tagWidth(at: j)
        default: return 0
        }
    }

    /// A tag is `<` plus a letter, `/` or `!`, up to the next `>`. Giving up at another `<` means
    /// each byte is scanned for a tag at most once, so a flood of unclosed `<` stays linear.
    private func tagWidth(at j: Int) -> Int {
        let first = byte(at: j + 1)
        guard Self.isLetter(first) || first == UInt8(ascii: "/") || first == UInt8(ascii: "!") else { return 0 }
        var k = j + 2
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: ">") { return k + 1 - j }
            if bytes[k] == UInt8(ascii: "<") { return 0 }
            k += 1
        }
        return 0
    }

    private mutating func number() -> DueToken.Kind {
        var value = 0
        var digits = 0
        while index < bytes.count, Self.isDigit(bytes[index]) {
            if digits < 9 { value = value * 10 + Int(bytes[index] - 0x30) }
            digits += 1
            index += 1
        }
        return .number(value: value, digits: digits)
    }

    private mutating func word() -> DueToken.Kind {
        var packed: UInt64 = 0
        var length = 0
        while index < bytes.count, Self.isLetter(bytes[index]) {
            if length < 12 { packed = packed << 5 | UInt64((bytes[index] | 0x20) - 0x60) }
            length += 1
            index += 1
        }
        return .word(length <= 12 ? DueWord.table[packed] ?? .other : .other)
    }

    /// Curly apostrophes and en/em dashes act like their ASCII cousins; other punctuation from
    /// U+2000…U+203F (quotes, bullets) is a symbol; any other scalar is opaque content.
    private mutating func nonASCII() -> DueToken.Kind {
        if bytes[index] == 0xE2, byte(at: index + 1) == 0x80, (0x80...0xBF).contains(byte(at: index + 2)) {
            let last = byte(at: index + 2)
            index += 3
            switch last {
            case 0x93, 0x94: return .symbol(.dash)
            case 0x98, 0x99: return .symbol(.apostrophe)
            default: return .symbol(.other)
            }
        }
        index += 1
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return .other
    }
}
