/// A line of a Markdown file: its bytes' place in the file, without the line ending.
struct MarkdownLine {
    let number: Int
    let start: Int
    let end: Int

    /// Splits on LF, dropping a CR before it, so CRLF files read the same as LF ones.
    static func split(_ bytes: [UInt8], from start: Int) -> [MarkdownLine] {
        var lines: [MarkdownLine] = []
        var lineStart = start
        var number = 1
        var i = start
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                let end = (i > lineStart && bytes[i - 1] == UInt8(ascii: "\r")) ? i - 1 : i
                lines.append(MarkdownLine(number: number, start: lineStart, end: end))
                number += 1
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart < bytes.count {
            lines.append(MarkdownLine(number: number, start: lineStart, end: bytes.count))
        }
        return lines
    }

    func text(in bytes: [UInt8]) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
