extension StringProtocol {
    /// Trims spaces, tabs, newlines and NBSP; Foundation-free so the hot paths stay cheap.
    public func trimmingWhitespace() -> SubSequence {
        // Most cells start and end with a visible ASCII character: nothing to trim, and no
        // Unicode property look-ups (the reader's hottest path).
        let whole = self[...]
        if let first = whole.utf8.first, let last = Substring(whole).utf8.last,
            (0x21...0x7E).contains(first), (0x21...0x7E).contains(last)
        {
            return whole
        }
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        lowercased() == other.lowercased()
    }

    /// Collapses runs of whitespace to one space and trims: how names and headers compare.
    public func collapsingWhitespace() -> String {
        if isCollapsedASCII { return String(self) }
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

    /// Printable ASCII with single inner spaces and none at the ends: nothing to collapse.
    private var isCollapsedASCII: Bool {
        var previousSpace = true
        for b in utf8 {
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if b > 0x20 && b < 0x7F {
                previousSpace = false
            } else {
                return false
            }
        }
        return !previousSpace || utf8.isEmpty
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
