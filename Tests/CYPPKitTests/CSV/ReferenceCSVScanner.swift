@testable import CYPPKit

/// The CSV field scanner as it was before it looked at eight bytes a step (a loop a byte at a
/// time), kept as the specification the fast one must match: every field's ranges, line and
/// line start, every problem, every record's line and bytes.
struct ReferenceCSVScanner {
    struct Record: Equatable {
        var fields: [Field]
        var line: Int
        var range: Range<Int>
    }

    struct Field: Equatable {
        var range: Range<Int>, content: Range<Int>, trailing: Range<Int>
        var line: Int, lineStart: Int
        var wasQuoted: Bool, hasEscapedQuotes: Bool
    }

    private let bytes: [UInt8]
    private var index = 0, line = 1, lineStart = 0
    private(set) var problems: [CSVProblem] = []
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
        lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Record? {
        let n = bytes.count
        guard index < n else { return nil }
        let start = index, firstLine = line
        var fields: [Field] = []
        while true {
            fields.append(scanField())
            guard index < n else { break }
            let b = bytes[index]
            if b == Self.comma {
                index += 1
                if index == n {
                    fields.append(Field(range: n..<n, content: n..<n, trailing: n..<n, line: line, lineStart: lineStart,
                                        wasQuoted: false, hasEscapedQuotes: false))
                    break
                }
                continue
            }
            index += 1
            if b == Self.cr, index < n, bytes[index] == Self.lf { index += 1 }
            line += 1
            lineStart = index
            break
        }
        return Record(fields: fields, line: firstLine, range: start..<index)
    }

    private mutating func report(_ kind: CSVProblem.Kind, line: Int, offset: Int, lineStart: Int) {
        if problems.count < 100 { problems.append(CSVProblem(kind: kind, line: line, offset: offset, lineStart: lineStart)) }
    }

    private mutating func scanField() -> Field {
        let start = index, startLine = line, startLineStart = lineStart, n = bytes.count
        if index < n, bytes[index] == Self.quote { return scanQuoted(start: start, line: startLine, lineStart: startLineStart) }
        var i = index
        while i < n {
            let b = bytes[i]
            if b == Self.comma || b == Self.lf || b == Self.cr { break }
            if b == Self.quote { report(.quoteInUnquotedField, line: line, offset: i, lineStart: lineStart) }
            i += 1
        }
        index = i
        return Field(range: start..<i, content: start..<i, trailing: i..<i, line: startLine, lineStart: startLineStart,
                     wasQuoted: false, hasEscapedQuotes: false)
    }

    private mutating func scanQuoted(start: Int, line startLine: Int, lineStart startLineStart: Int) -> Field {
        let n = bytes.count
        var i = start + 1
        var escaped = false
        while i < n {
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
                return Field(range: start..<i, content: content, trailing: trailStart..<i, line: startLine,
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
        return Field(range: start..<n, content: (start + 1)..<n, trailing: n..<n, line: startLine,
                     lineStart: startLineStart, wasQuoted: true, hasEscapedQuotes: escaped)
    }
}
