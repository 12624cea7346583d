@testable import CYPPKit

/// The pipe-row splitter as it was before the byte-level reader (a loop a byte at a time,
/// cells trimmed and unescaped through `String`), kept as the specification the fast one
/// must match cell for cell: text, byte range, line and column.
enum ReferencePipeRow {
    private static let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\"),
        space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    static func hasPipe(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine) -> Bool {
        var i = line.start
        while i < line.end {
            if bytes[i] == backslash { i += 2; continue }
            if bytes[i] == pipe { return true }
            i += 1
        }
        return false
    }

    static func cells(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine, file: String) -> TableRow {
        var start = line.start
        var end = line.end
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        if start < end, bytes[start] == pipe { start += 1 }
        if end > start, bytes[end - 1] == pipe, !(end - 2 >= start && bytes[end - 2] == backslash) { end -= 1 }
        var cells: [TableCell] = []
        var cellStart = start
        var col = 1
        for k in line.start..<start where bytes[k] & 0xC0 != 0x80 { col += 1 }
        var cellColumn = col
        var i = start
        func finish(_ cellEnd: Int) {
            var textColumn = cellColumn
            var k = cellStart
            while k < cellEnd, bytes[k] == space || bytes[k] == tab { textColumn += 1; k += 1 }
            if k == cellEnd { textColumn = cellColumn }
            cells.append(TableCell(text: cellText(bytes[cellStart..<cellEnd]), range: cellStart..<cellEnd,
                                   line: line.number, column: textColumn))
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
        return TableRow(cells: cells, file: file, line: line.number, bytes: bytes)
    }

    static func isDelimiter(_ row: TableRow) -> Bool {
        !row.cells.isEmpty && row.cells.allSatisfy { cell in
            var t = Substring(cell.text)
            if t.hasPrefix(":") { t = t.dropFirst() }
            if t.hasSuffix(":") { t = t.dropLast() }
            return !t.isEmpty && t.allSatisfy { $0 == "-" }
        }
    }

    /// Each form replaced in turn, over the whole text.
    static func decode(_ s: String) -> String {
        var out = s.replacingAll("\\|", with: "|")
        for br in ["<br />", "<br/>", "<br>", "<BR>"] { out = out.replacingAll(br, with: "\n") }
        return out
    }

    private static func cellText(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> String {
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
        return marked ? decode(String(s)) : String(s)
    }
}
