extension PipeRow {
    /// `|---|:--:|--:|`: every cell is dashes with optional alignment colons.
    static func isDelimiter(_ row: TableRow) -> Bool {
        !row.cells.isEmpty && row.cells.allSatisfy { cell in
            var t = Substring(cell.text)
            if t.hasPrefix(":") { t = t.dropFirst() }
            if t.hasSuffix(":") { t = t.dropLast() }
            return !t.isEmpty && t.allSatisfy { $0 == "-" }
        }
    }

    /// The same test on a line's bytes, without making its cells: the reader asks it of the
    /// line after every prose line with a pipe. Visible text other than `|`, `-` and `:` is in
    /// some cell whatever trimming and unescaping do, so it answers no at once; a line of
    /// only those and blanks is split here; anything else (Unicode spaces, controls, which
    /// trimming may remove) is left to the cells.
    static func isDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine, file: String) -> Bool {
        var plain = true
        for i in line.start..<line.end {
            switch bytes[i] {
            case pipe, UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            case 0x21...0x7E: return false
            default: plain = false
            }
        }
        guard plain else { return isDelimiter(cells(bytes, line, file: file)) }
        let content = self.content(bytes, line)
        var cellStart = content.lowerBound
        while true {
            let cellEnd = ByteScan.first(pipe, in: bytes, cellStart..<content.upperBound) ?? content.upperBound
            guard isDashes(bytes, cellStart..<cellEnd) else { return false }
            guard cellEnd < content.upperBound else { return true }
            cellStart = cellEnd + 1
        }
    }

    /// `---`, `:--`, `--:` or `:-:` between blanks.
    private static func isDashes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var start = range.lowerBound, end = range.upperBound
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: ":") { start += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
        return start < end && (start..<end).allSatisfy { bytes[$0] == UInt8(ascii: "-") }
    }
}
