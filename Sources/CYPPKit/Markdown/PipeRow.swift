/// GitHub-flavoured table rows: cells split on unescaped pipes, outer pipes optional.
enum PipeRow {
    static let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")

    static func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }

    /// True when the line has an unescaped pipe: it may be a table row.
    static func hasPipe(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine) -> Bool {
        separator(bytes, from: line.start, in: line.start..<line.end) != nil
    }

    /// Cells with the byte range between their pipes (what an edit replaces). `capacity` is
    /// the cells expected (the header's), so a row's array is allocated once. Cells of
    /// `skipped` columns get no text.
    static func cells(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine, file: String, capacity: Int = 0,
                      skipping skipped: SkippedColumns = .nothing) -> TableRow {
        let content = self.content(bytes, line)
        var cells: [TableCell] = []
        cells.reserveCapacity(capacity)
        var cellStart = content.lowerBound
        while true {
            let cellEnd = separator(bytes, from: cellStart, in: content) ?? content.upperBound
            cells.append(cell(bytes, cellStart..<cellEnd, line: line, skipped: skipped[cells.count], byBytes: skipped.isReadByBytes(cells.count)))
            guard cellEnd < content.upperBound else { break }
            cellStart = cellEnd + 1
        }
        return TableRow(cells: cells, file: file, line: line.number, bytes: bytes)
    }

    /// The line without its edge blanks and outer pipes. A last pipe after a backslash is
    /// text, not the row's end.
    static func content(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine) -> Range<Int> {
        var start = line.start
        var end = line.end
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        if start < end, bytes[start] == pipe { start += 1 }
        if end > start, bytes[end - 1] == pipe, !(end - 2 >= start && bytes[end - 2] == backslash) { end -= 1 }
        return start..<end
    }

    /// The first unescaped pipe in `range` at or after `from`. A backslash escapes the byte
    /// after it, so a pipe is escaped exactly when an odd run of backslashes ends before it.
    static func separator(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, in range: Range<Int>) -> Int? {
        var i = from
        while let p = ByteScan.first(pipe, in: bytes, i..<range.upperBound) {
            var run = p
            while run > range.lowerBound, bytes[run - 1] == backslash { run -= 1 }
            if (p - run) % 2 == 0 { return p }
            i = p + 1
        }
        return nil
    }

    /// A cell between two pipes; its location is where its text starts, not the padding (a
    /// blank cell points at its start). Its column is counted only if a diagnostic asks.
    /// A skipped cell has text when it starts with a visible ASCII character, which neither
    /// trimming nor unescaping removes; only other cells are decoded to find out.
    private static func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: MarkdownLine, skipped: Bool,
                             byBytes: Bool) -> TableCell {
        var start = range.lowerBound, end = range.upperBound
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        let at = start == end ? range.lowerBound : start
        if byBytes, start < end, MarkdownCellText.isPlain(bytes, start..<end) {
            return TableCell(textBytes: start..<end, range: range, line: line.number, lineStart: line.start, at: at)
        }
        guard skipped else {
            return TableCell(text: MarkdownCellText.read(bytes, start..<end), range: range, line: line.number, lineStart: line.start, at: at)
        }
        let hasText = start < end && (ByteScan.isVisibleASCII(bytes[start]) || !MarkdownCellText.read(bytes, start..<end).isEmpty)
        return TableCell(skippedWithText: hasText, range: range, line: line.number, lineStart: line.start, at: at)
    }
}
