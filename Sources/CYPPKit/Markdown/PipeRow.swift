/// GitHub-flavoured table rows: cells split on unescaped pipes, outer pipes optional.
enum PipeRow {
    private static let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\"),
        space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// True when the line has an unescaped pipe: it may be a table row.
    static func hasPipe(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine) -> Bool {
        var i = line.start
        while i < line.end {
            if bytes[i] == backslash { i += 2; continue }
            if bytes[i] == pipe { return true }
            i += 1
        }
        return false
    }

    /// Cells with the byte range between their pipes (what an edit replaces).
    static func cells(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine, file: String) -> TableRow {
        var start = line.start
        var end = line.end
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        if start < end, bytes[start] == pipe { start += 1 }
        if end > start, bytes[end - 1] == pipe, !(end - 2 >= start && bytes[end - 2] == backslash) { end -= 1 }
        var cells: [TableCell] = []
        var cellStart = start
        // Columns count scalars; tracked as we go so a 50,000-cell row stays linear.
        var col = 1
        for k in line.start..<start where bytes[k] & 0xC0 != 0x80 { col += 1 }
        var cellColumn = col
        var i = start
        func finish(_ cellEnd: Int) {
            // Point at the text, not the padding before it.
            var textColumn = cellColumn
            var k = cellStart
            while k < cellEnd, bytes[k] == space || bytes[k] == tab { textColumn += 1; k += 1 }
            if k == cellEnd { textColumn = cellColumn }
            let location = SourceLocation(file: file, line: line.number, column: textColumn)
            cells.append(TableCell(text: cellText(bytes[cellStart..<cellEnd]), range: cellStart..<cellEnd, location: location))
        }
        while i < end {
            let b = bytes[i]
            if b & 0xC0 != 0x80 { col += 1 }
            if b == backslash, i + 1 < end {
                if bytes[i + 1] & 0xC0 != 0x80 { col += 1 }
                i += 2
                continue
            }
            if b == pipe {
                finish(i)
                cellStart = i + 1
                cellColumn = col
            }
            i += 1
        }
        finish(end)
        return TableRow(cells: cells, location: SourceLocation(file: file, line: line.number, column: 1))
    }

    /// `|---|:--:|--:|`: every cell is dashes with optional alignment colons.
    static func isDelimiter(_ row: TableRow) -> Bool {
        !row.cells.isEmpty && row.cells.allSatisfy { cell in
            var t = Substring(cell.text)
            if t.hasPrefix(":") { t = t.dropFirst() }
            if t.hasSuffix(":") { t = t.dropLast() }
            return !t.isEmpty && t.allSatisfy { $0 == "-" }
        }
    }

    /// Trimmed, `\|` unescaped and `<br>` turned into a newline.
    private static func cellText(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        // Padding spaces go before decoding, and the byte test below is an index loop, not
        // `utf8.contains`: a 10 MB cell then costs one pass even in a debug build.
        let raw = UnsafeBufferPointer(rebasing: raw)
        var start = 0, end = raw.count
        while start < end, raw[start] == space || raw[start] == tab { start += 1 }
        while end > start, raw[end - 1] == space || raw[end - 1] == tab { end -= 1 }
        var marked = false
        var i = start
        while i < end, !marked {
            marked = raw[i] == backslash || raw[i] == UInt8(ascii: "<")
            i += 1
        }
        let s = String(decoding: UnsafeBufferPointer(rebasing: raw[start..<end]), as: UTF8.self).trimmingWhitespace()
        // Only cells with a backslash or a tag need decoding.
        return marked ? MarkdownCellText.decode(String(s)) : String(s)
    }
}

/// The one place Markdown cell text is escaped and unescaped, so reading and `rate` agree.
public enum MarkdownCellText {
    public static func decode(_ s: String) -> String {
        var out = s.replacingAll("\\|", with: "|")
        for br in ["<br />", "<br/>", "<br>", "<BR>"] { out = out.replacingAll(br, with: "\n") }
        return out
    }

    /// A lone CR is a line break too: written raw it would end the row in a CR-only file.
    public static func encode(_ s: String) -> String {
        separatingBackslashesFromPipes(s).replacingAll("|", with: "\\|").replacingAll("\r\n", with: "<br>")
            .replacingAll("\n", with: "<br>").replacingAll("\r", with: "<br>")
    }

    /// The row splitter reads a backslash as escaping the character after it, so an odd run of
    /// backslashes before a pipe would escape the pipe's own escape and split the cell there
    /// (the fuzzer found it): such a pipe is kept apart from them by a space.
    private static func separatingBackslashesFromPipes(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "\\")) else { return s }
        var out = String.UnicodeScalarView()
        var backslashes = 0
        for u in s.unicodeScalars {
            if u == "|" && backslashes % 2 == 1 { out.append(" ") }
            backslashes = u == "\\" ? backslashes + 1 : 0
            out.append(u)
        }
        return String(out)
    }

    /// What a cell holds once `s` is written and read back: `<br>` typed in text is a line break.
    public static func normalised(_ s: String) -> String { decode(encode(s)) }
}

extension String {
    /// Literal replacement over UTF-8 bytes: no Foundation bridging on the readers' hot path.
    /// Index loops over buffers (count, then copy into an exact-size array), so unescaping a
    /// 10 MB CSV field of `""` quotes is quick even in a debug build.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8), with = Array(replacement.utf8)
        guard !needle.isEmpty else { return self }
        var text = self
        let replaced: [UInt8]? = text.withUTF8 { hay in
            needle.withUnsafeBufferPointer { n in
                with.withUnsafeBufferPointer { r in Self.replacing(n, with: r, in: hay) }
            }
        }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? self
    }

    /// Where `n` starts at `i` in `hay` (`i` at most `hay.count - n.count`).
    private static func matches(_ n: UnsafeBufferPointer<UInt8>, _ hay: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var k = 1
        while k < n.count && hay[i + k] == n[k] { k += 1 }
        return k == n.count
    }

    /// Counts the matches, then copies the runs between them whole into an exact-size array.
    private static func replacing(_ n: UnsafeBufferPointer<UInt8>, with r: UnsafeBufferPointer<UInt8>,
                                  in hay: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let source = hay.baseAddress, let first = n.first else { return nil }
        let last = hay.count - n.count
        var count = 0, i = 0
        while i <= last {
            if hay[i] == first && matches(n, hay, at: i) {
                count += 1
                i += n.count
            } else {
                i += 1
            }
        }
        guard count > 0 else { return nil }
        let size = hay.count + count * (r.count - n.count)
        return [UInt8](unsafeUninitializedCapacity: size) { out, initialized in
            guard let target = out.baseAddress else { return }
            var i = 0, j = 0, run = 0
            func copy(_ from: UnsafePointer<UInt8>, _ length: Int) {
                guard length > 0 else { return }
                UnsafeMutableRawPointer(target + j).copyMemory(from: from, byteCount: length)
                j += length
            }
            while i <= last {
                if hay[i] == first && matches(n, hay, at: i) {
                    copy(source + run, i - run)
                    if let replacement = r.baseAddress { copy(replacement, r.count) }
                    i += n.count
                    run = i
                } else {
                    i += 1
                }
            }
            copy(source + run, hay.count - run)
            initialized = j
        }
    }
}
