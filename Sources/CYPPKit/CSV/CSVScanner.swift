/// RFC 4180 records over UTF-8 bytes: quoted fields, `""` escapes, embedded newlines, LF or
/// CRLF. Lenient where Excel users are (a stray quote is kept as text, with a problem
/// recorded) and never traps: every index is checked against the buffer's end.
///
/// It reads one contiguous buffer (a memory-mapped file or an array) front to back and keeps
/// nothing behind it, so memory does not grow with the file; `consumed` tells the owner of a
/// mapping how far it may release pages.
public struct CSVScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    /// The line the next record starts on.
    public private(set) var line: Int
    private var lineStart: Int
    public private(set) var problems: [CSVProblem] = []
    /// Problems are capped so a file of stray quotes cannot exhaust memory; the count is kept.
    public private(set) var problemCount = 0
    static var keptProblems: Int { 100 }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
        lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// `start` skips a byte-order mark, or is where a record on `line` starts; offsets stay absolute.
    public init(bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.index = start
        self.lineStart = start
        self.line = line
    }

    /// Everything before this offset has been returned and may be released.
    public var consumed: Int { index }

    /// The next record, or nil at the end of input.
    public mutating func next() -> CSVRecord? {
        var fields: [CSVField] = []
        fields.reserveCapacity(16)
        guard let (line, range) = next(into: &fields) else { return nil }
        return CSVRecord(fields: fields, line: line, range: range)
    }

    /// The next record's fields, into `fields` (emptied first, its storage kept: a reader of a
    /// million rows reuses one array), with the record's first line and bytes; nil at the end.
    public mutating func next(into fields: inout [CSVField]) -> (line: Int, range: Range<Int>)? {
        fields.removeAll(keepingCapacity: true)
        let n = bytes.count
        guard index < n else { return nil }
        let start = index, firstLine = line
        while true {
            fields.append(scanField())
            guard index < n else { break }
            let b = bytes[index]
            if b == Self.comma {
                index += 1
                if index == n {  // a trailing comma at EOF still ends an empty field
                    fields.append(CSVField(range: n..<n, content: n..<n, trailing: n..<n, line: line,
                                           lineStart: lineStart, wasQuoted: false, hasEscapedQuotes: false))
                    break
                }
                continue
            }
            // Record separator: LF, CRLF, or a lone CR.
            index += 1
            if b == Self.cr, index < n, bytes[index] == Self.lf { index += 1 }
            line += 1
            lineStart = index
            break
        }
        return (firstLine, start..<index)
    }

    private mutating func report(_ kind: CSVProblem.Kind, line: Int, offset: Int, lineStart: Int) {
        problemCount += 1
        if problems.count < Self.keptProblems { problems.append(CSVProblem(kind: kind, line: line, offset: offset, lineStart: lineStart)) }
    }

    private mutating func scanField() -> CSVField {
        let start = index, startLine = line, startLineStart = lineStart
        let n = bytes.count
        if index < n, bytes[index] == Self.quote {
            return scanQuoted(start: start, line: startLine, lineStart: startLineStart)
        }
        // To the comma or line break that ends the field; a quote on the way is kept, and noted.
        var i = nextSpecial(from: index, commas: true)
        while i < n, bytes[i] == Self.quote {
            report(.quoteInUnquotedField, line: line, offset: i, lineStart: lineStart)
            i = nextSpecial(from: i + 1, commas: true)
        }
        index = i
        return CSVField(range: start..<i, content: start..<i, trailing: i..<i, line: startLine,
                        lineStart: startLineStart, wasQuoted: false, hasEscapedQuotes: false)
    }

    /// From an opening quote to just past its closing quote and any stray text after it.
    private mutating func scanQuoted(start: Int, line startLine: Int, lineStart startLineStart: Int) -> CSVField {
        let n = bytes.count
        var i = start + 1
        var escaped = false
        while true {
            i = nextSpecial(from: i, commas: false)
            guard i < n else { break }
            let b = bytes[i]
            if b == Self.quote {
                if i + 1 < n, bytes[i + 1] == Self.quote {
                    escaped = true
                    i += 2
                    continue
                }
                let content = (start + 1)..<i
                i += 1
                let trailStart = i
                while i < n, bytes[i] != Self.comma, bytes[i] != Self.lf, bytes[i] != Self.cr { i += 1 }
                if i > trailStart { report(.quoteInUnquotedField, line: line, offset: trailStart, lineStart: lineStart) }
                index = i
                return CSVField(range: start..<i, content: content, trailing: trailStart..<i, line: startLine,
                                lineStart: startLineStart, wasQuoted: true, hasEscapedQuotes: escaped)
            }
            if b == Self.lf || (b == Self.cr && !(i + 1 < n && bytes[i + 1] == Self.lf)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        report(.unterminatedQuote, line: startLine, offset: start, lineStart: startLineStart)
        index = n
        return CSVField(range: start..<n, content: (start + 1)..<n, trailing: n..<n, line: startLine,
                        lineStart: startLineStart, wasQuoted: true, hasEscapedQuotes: escaped)
    }

    /// The offset of the first quote, LF or CR (and comma, with `commas`) from `start`, or the
    /// end: eight bytes a step, with `ByteScan`'s zero-byte test on the word XOR each byte
    /// sought; the first hit of any kind is exact.
    private func nextSpecial(from start: Int, commas: Bool) -> Int {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return n }
        var i = start
        while i + 8 <= n {
            let w = ByteScan.word(base, at: i)
            var hits = ByteScan.firstZeroBytes(w ^ ByteScan.spread(Self.quote)) | ByteScan.firstZeroBytes(w ^ ByteScan.spread(Self.lf))
                | ByteScan.firstZeroBytes(w ^ ByteScan.spread(Self.cr))
            if commas { hits |= ByteScan.firstZeroBytes(w ^ ByteScan.spread(Self.comma)) }
            if hits != 0 { return i + hits.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < n {
            let b = bytes[i]
            if b == Self.quote || b == Self.lf || b == Self.cr || (commas && b == Self.comma) { return i }
            i += 1
        }
        return n
    }
}
