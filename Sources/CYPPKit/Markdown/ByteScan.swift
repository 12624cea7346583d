#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte loops over spans of a file: the two the Markdown reader spends its time in, line breaks
/// as output sees them, and the tests on eight bytes at once the CSV scanner and the UTF-8
/// check are built on.
enum ByteScan {
    /// The eight bytes at `base + i` as one word, the first in the lowest byte.
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in every byte of a word: `word ^ spread(b)` has a zero byte where `word` has `b`.
    @inline(__always)
    static func spread(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// 0x80 in the zero bytes of `x`, and perhaps in bytes above one (a borrow carries up): the
    /// lowest mark is always a true one. The cheapest test where only the first zero counts.
    @inline(__always)
    static func firstZeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// A visible ASCII character: not a blank, a control or part of a multi-byte character.
    /// Trimming keeps it and no decoding removes it, so text that starts (or ends) with one
    /// needs no Unicode look-up at that end, and a cell that starts with one has text.
    @inline(__always)
    static func isVisibleASCII(_ b: UInt8) -> Bool { (0x21...0x7E).contains(b) }

    /// Tab, LF, VT, FF, CR and space: the ASCII characters `Character.isWhitespace` accepts,
    /// which trimming removes on bytes.
    @inline(__always)
    static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    /// True when the text in `range` neither starts nor ends with a character that trimming
    /// removes (`Character.isWhitespace`), told from its first and last scalars with no Unicode
    /// look-up: each must be visible ASCII or a common scalar that is not whitespace and not a
    /// mark that extends the character before it (U+00A1–U+02FF: accented Latin letters, `é`,
    /// `Ł`; and U+2010–U+2027: dashes, curly quotes, `…`), so the last character starts with it
    /// or with something else that is not whitespace. Names like `Zoë` and text ending in `’`
    /// are then as cheap as ASCII; anything else is false, and trimmed as a string.
    static func hasPlainEdges(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        if !isVisibleASCII(bytes[range.lowerBound]) {
            guard let first = scalar(bytes, at: range.lowerBound, before: range.upperBound), isPlainEdge(first) else { return false }
        }
        if !isVisibleASCII(bytes[range.upperBound - 1]) {
            var lead = range.upperBound - 1
            while lead > range.lowerBound, range.upperBound - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard let last = scalar(bytes, at: lead, before: range.upperBound), isPlainEdge(last.value),
                lead + last.width == range.upperBound
            else { return false }
        }
        return true
    }

    private static func isPlainEdge(_ scalar: (value: UInt32, width: Int)) -> Bool { isPlainEdge(scalar.value) }

    /// A scalar that is neither whitespace nor a mark that extends the character before it.
    static func isPlainEdge(_ value: UInt32) -> Bool {
        (0xA1...0x2FF).contains(value) || (0x2010...0x2027).contains(value)
    }

    /// The two- or three-byte scalar starting at `i` (well formed, before `end`), or nil.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, before end: Int) -> (value: UInt32, width: Int)? {
        let b0 = bytes[i]
        if (0xC2...0xDF).contains(b0), i + 1 < end, bytes[i + 1] & 0xC0 == 0x80 {
            return (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
        }
        if (0xE1...0xEC).contains(b0), i + 2 < end, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 {
            return (UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return nil
    }

    /// True when the two spans hold the same bytes.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress, !a.isEmpty else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// Offset of the first `byte` in `range`, or nil. The C library's `memchr` tests many
    /// bytes a step where a Swift loop tests one: line ends and pipes are found with it, and
    /// a typical line or cell is crossed in a few steps.
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress,
            let hit = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// How many times `byte` is in `bytes`, less those `skip` says not to count (by offset).
    /// Found by `memchr`, many bytes a step: a Swift loop over words took four instructions a byte.
    static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, skipping skip: (Int) -> Bool = { _ in false }) -> Int {
        var count = 0, i = 0
        while let hit = first(byte, in: bytes, i..<bytes.count) {
            if !skip(hit) { count += 1 }
            i = hit + 1
        }
        return count
    }

    /// The 1-based column of `offset` in the line starting at `lineStart`, in characters as
    /// `scalarCount` counts them: where a diagnostic points.
    static func column(of offset: Int, lineStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let from = max(0, lineStart), to = min(offset, bytes.count)
        return 1 + (from < to ? scalarCount(bytes, from..<to) : 0)
    }

    /// Characters, as columns count them (scalars), in `range`: every byte that does not
    /// continue a UTF-8 sequence (`10xxxxxx`). Eight bytes a step: in a word, a byte's top bit
    /// set and the bit below it clear marks a continuation byte (the compiler does not
    /// vectorise the byte loop here, and cells are mostly long runs of ASCII).
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
        let start = UnsafeRawPointer(base + range.lowerBound)
        let words = range.count / 8
        var continuations = 0
        for w in 0..<words {
            let word = start.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
        }
        for i in (range.lowerBound + words * 8)..<range.upperBound where bytes[i] & 0xC0 == 0x80 { continuations += 1 }
        return range.count - continuations
    }

    /// The most bytes `writeDecimal` writes: `-9223372036854775808`.
    static var maxDecimalBytes: Int { 20 }

    /// Writes `n` in decimal at `start`, as `String(n)` spells it; returns how many bytes.
    static func writeDecimal(_ n: Int, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var m = n.magnitude, end = 0
        repeat {
            start[end] = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
            end += 1
        } while m > 0
        if n < 0 {
            start[end] = UInt8(ascii: "-")
            end += 1
        }
        var written = UnsafeMutableBufferPointer(start: start, count: end)
        written.reverse()
        return end
    }

    /// 0x80 in the bytes of `word` that may start a tab or a line break: those below 0x0E,
    /// and 0xC2 (NEL) or 0xE2 (U+2028/9, but also dashes and curly quotes). 0 when there are
    /// none. The lowest mark is always such a byte; marks above it may be false alarms (each
    /// test's own lowest mark is a true one, and the lowest of the three is one of those).
    @inline(__always)
    static func breakOrTabMarks(_ word: UInt64) -> UInt64 {
        let below0E = (word &- spread(0x0E)) & ~word & spread(0x80)
        return below0E | firstZeroBytes(word ^ spread(0xC2)) | firstZeroBytes(word ^ spread(0xE2))
    }

    /// True when every byte is printable ASCII (0x20–0x7E): what a table prints as it is, a
    /// column a byte. Eight bytes a step: a byte below 0x20 borrows into its top bit, one of
    /// 0x7F or more has it set or gains it when 1 is added (most cells are long action texts).
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i + 8 <= bytes.count {
            let w = word(base, at: i)
            let below20 = (w &- spread(0x20)) & ~w, above7E = (w &+ spread(0x01)) | w
            if (below20 | above7E) & spread(0x80) != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] &- 0x20 >= 0x5F { return false }
            i += 1
        }
        return true
    }

    /// How many bytes the line break at `i` takes (LF, VT, FF, CR, CR LF as one, NEL, U+2028,
    /// U+2029: what `Character.isNewline` accepts), or 0 when there is none: what CSV quotes
    /// and TSV flattens.
    static func lineBreak(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch b[i] {
        case 0x0D where i + 1 < b.count && b[i + 1] == 0x0A: 2
        case 0x0A...0x0D: 1
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: 2
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): 3
        default: 0
        }
    }
}
