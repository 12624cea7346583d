extension StringProtocol {
    /// Trims spaces, tabs, newlines and NBSP; Foundation-free so the hot paths stay cheap.
    public func trimmingWhitespace() -> SubSequence {
        // ASCII whitespace next to ASCII is trimmed a byte at a time: a character boundary lies
        // on both sides of it (CR LF aside, both whitespace). An edge left at a visible ASCII
        // character stops there: no character starting with it is whitespace, and the last
        // character holds the last byte (only a prepended mark, not whitespace, joins one
        // before it). Most cells end both ways, with no Unicode look-up; stepping by
        // Character, grapheme breaking and all, cost a heading's `## ` thousands of
        // instructions. Other edges (NBSP, a space a combining mark joins) go by Character.
        let bytes = Substring(self[...]).utf8
        var lo = bytes.startIndex, hi = bytes.endIndex
        while lo < hi, ByteScan.isASCIIWhitespace(bytes[lo]) {
            let next = bytes.index(after: lo)
            guard next == hi || bytes[next] < 0x80 else { break }
            lo = next
        }
        while lo < hi {
            let last = bytes.index(before: hi)
            guard ByteScan.isASCIIWhitespace(bytes[last]), last == lo || bytes[bytes.index(before: last)] < 0x80 else { break }
            hi = last
        }
        var s = self[lo..<hi]
        guard lo < hi else { return s }
        if !ByteScan.isVisibleASCII(bytes[lo]) {
            while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        }
        if !ByteScan.isVisibleASCII(bytes[bytes.index(before: hi)]) {
            while let l = s.last, l.isWhitespace { s = s.dropLast() }
        }
        return s
    }

    func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        lowercased() == other.lowercased()
    }

    /// Collapses runs of whitespace to one space and trims: how names and headers compare.
    public func collapsingWhitespace() -> String {
        if isCollapsed { return String(self) }
        var out = ""
        var pendingSpace = false
        for ch in self {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// Single inner spaces, none at the ends, and no other whitespace: nothing to collapse.
    /// Read on bytes: besides controls, the only whitespace outside ASCII is U+0085, U+00A0,
    /// U+1680, U+2000–200A, U+2028/9, U+202F, U+205F and U+3000. A space before a non-ASCII
    /// scalar is its own character unless the scalar extends it (a combining mark): a space
    /// before a common scalar that cannot (`ByteScan.isPlainEdge`: accented letters, curly
    /// quotes, dashes) is decided here, before any other the careful way.
    private var isCollapsed: Bool {
        // Over the bytes where they lie: stepping the UTF-8 view's iterator cost several times
        // the test itself (an owner cell's name is collapsed for every new spelling).
        utf8.withContiguousStorageIfAvailable(Self.isCollapsed) ?? Self.isCollapsed(Array(utf8))
    }

    private static func isCollapsed(_ bytes: some Collection<UInt8>) -> Bool {
        var atStart = true, afterSpace = false
        var tail = 0  // continuation bytes still to come of a multi-byte scalar
        var scalar: UInt32 = 0, spaceBefore = false
        for b in bytes {
            if tail > 0 {
                tail -= 1
                scalar = scalar << 6 | UInt32(b & 0x3F)
                if tail == 0, isWhitespace(scalar) || (spaceBefore && !ByteScan.isPlainEdge(scalar)) { return false }
                continue
            }
            switch b {
            case 0x20:
                if atStart || afterSpace { return false }
                afterSpace = true
            case 0x21..<0x7F:
                afterSpace = false
            case 0xC2...0xF4:
                spaceBefore = afterSpace
                afterSpace = false
                tail = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3
                scalar = UInt32(b & (b < 0xE0 ? 0x1F : b < 0xF0 ? 0x0F : 0x07))
            default:
                return false
            }
            atStart = false
        }
        return tail == 0 && !afterSpace
    }

    /// The whitespace outside ASCII (`Unicode.Scalar.Properties.isWhitespace`).
    private static func isWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The first place `needle` occurs, letters compared case-insensitively.
    func rangeIgnoringCase(of needle: some StringProtocol) -> Range<Index>? {
        let want = Array(needle.lowercased())
        guard !want.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            var j = i, k = 0
            while k < want.count, j < endIndex, Character(self[j].lowercased()) == want[k] {
                formIndex(after: &j)
                k += 1
            }
            if k == want.count { return i..<j }
            formIndex(after: &i)
        }
        return nil
    }
}

extension String {
    /// `lowercased().contains(want)`, for a `want` already lowercased. Where both are ASCII and
    /// `want` is not empty and holds no CR or LF (which pair into one character), the characters
    /// are the bytes, so the bytes are searched with ASCII letters folded: no lowercased copy, no
    /// search by character (`overdue --owner` asks this of every row).
    func containsIgnoringCase(lowercased want: String) -> Bool {
        want.withUTF8Bytes { w in withUTF8Bytes { Self.asciiContains($0, lowercased: w) } } ?? lowercasedContains(want)
    }

    /// The search itself, for any text: what the bytes answer for when they can.
    func lowercasedContains(_ want: String) -> Bool { lowercased().contains(want) }

    /// Whether `text` holds `want` with ASCII letters folded; nil when either is not plain
    /// ASCII, `want` is empty, or it holds a CR or LF.
    private static func asciiContains(_ text: UnsafeBufferPointer<UInt8>, lowercased want: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !want.isEmpty, !want.contains(where: { $0 >= 0x80 || $0 == 0x0A || $0 == 0x0D }),
            !text.contains(where: { $0 >= 0x80 })
        else { return nil }
        guard want.count <= text.count else { return false }
        for start in 0...(text.count - want.count) {
            var k = 0
            while k < want.count, asciiLower(text[start + k]) == want[k] { k += 1 }
            if k == want.count { return true }
        }
        return false
    }

    private static func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
