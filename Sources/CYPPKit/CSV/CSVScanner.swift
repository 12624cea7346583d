/// RFC 4180 records over a UTF-8 byte buffer: quoted fields, `""` escapes, embedded
/// newlines, LF or CRLF. Lenient where Excel users are (a stray quote is kept as text,
/// with a problem recorded) and never traps: every index is bounds-checked by the loop.
public struct CSVScanner {
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    private var lineStart: Int
    public private(set) var problems: [CSVProblem] = []

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
        lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// `start` skips a byte-order mark; offsets stay absolute.
    public init(bytes: [UInt8], start: Int = 0) {
        self.bytes = bytes
        self.index = start
        self.lineStart = start
    }

    /// The next record, or nil at the end of input.
    public mutating func next() -> CSVRecord? {
        guard index < bytes.count else { return nil }
        var record = CSVRecord(fields: [], line: line)
        while true {
            let field = scanField()
            record.fields.append(field)
            guard index < bytes.count else { return record }
            let b = bytes[index]
            if b == Self.comma {
                index += 1
                if index == bytes.count {  // trailing comma at EOF: one more, empty field
                    record.fields.append(emptyField(at: index))
                    return record
                }
                continue
            }
            // Record separator: LF, CRLF, or a lone CR.
            index += 1
            if b == Self.cr, index < bytes.count, bytes[index] == Self.lf { index += 1 }
            newLine()
            return record
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
    }

    private func emptyField(at offset: Int) -> CSVField {
        CSVField(text: "", range: offset..<offset, line: line, lineStart: lineStart, wasQuoted: false)
    }

    private mutating func scanField() -> CSVField {
        let start = index
        let startLine = line
        let startLineStart = lineStart
        if index < bytes.count, bytes[index] == Self.quote {
            let text = scanQuoted(openLine: startLine, openLineStart: startLineStart, openOffset: start)
            return CSVField(text: text, range: start..<index, line: startLine, lineStart: startLineStart, wasQuoted: true)
        }
        while index < bytes.count {
            let b = bytes[index]
            if b == Self.comma || b == Self.lf || b == Self.cr { break }
            if b == Self.quote {
                problems.append(CSVProblem(kind: .quoteInUnquotedField, line: line, offset: index, lineStart: lineStart))
            }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return CSVField(text: text, range: start..<index, line: startLine, lineStart: startLineStart, wasQuoted: false)
    }

    /// From an opening quote to just past its closing quote (and any stray text after it).
    private mutating func scanQuoted(openLine: Int, openLineStart: Int, openOffset: Int) -> String {
        index += 1
        var content: [UInt8] = []
        var chunkStart = index
        while index < bytes.count {
            let b = bytes[index]
            if b == Self.quote {
                content.append(contentsOf: bytes[chunkStart..<index])
                if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                    content.append(Self.quote)
                    index += 2
                    chunkStart = index
                    continue
                }
                index += 1
                scanAfterClosingQuote(into: &content)
                return String(decoding: content, as: UTF8.self)
            }
            if b == Self.lf || (b == Self.cr && !(index + 1 < bytes.count && bytes[index + 1] == Self.lf)) {
                index += 1
                newLine()
                continue
            }
            index += 1
        }
        content.append(contentsOf: bytes[chunkStart..<index])
        problems.append(CSVProblem(kind: .unterminatedQuote, line: openLine, offset: openOffset, lineStart: openLineStart))
        return String(decoding: content, as: UTF8.self)
    }

    /// `"abc"def,` is not RFC 4180; keep `def` rather than lose it, and say so.
    private mutating func scanAfterClosingQuote(into content: inout [UInt8]) {
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            if b == Self.comma || b == Self.lf || b == Self.cr { break }
            index += 1
        }
        if index > start {
            problems.append(CSVProblem(kind: .quoteInUnquotedField, line: line, offset: start, lineStart: lineStart))
            content.append(contentsOf: bytes[start..<index])
        }
    }
}
