/// A line of a Markdown file: its bytes' place in the file, without the line ending.
struct MarkdownLine {
    let number: Int
    let start: Int
    let end: Int

    func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// 1 to 6 for an ATX heading (`#` to `######`, then a space, a tab or the line's end); nil
    /// for any other line. The one test of what is a heading: the reader's, and the cut's
    /// (a large plan is cut at an outcome heading, level 2).
    func headingLevel(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var hashes = 0
        while start + hashes < end, bytes[start + hashes] == UInt8(ascii: "#") { hashes += 1 }
        guard (1...6).contains(hashes) else { return nil }
        let after = start + hashes
        guard after == end || bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") else { return nil }
        return hashes
    }
}

/// Lines one at a time, with one line of look-ahead (a table needs its delimiter row).
/// CRLF reads as LF; in a file with no LF at all, a lone CR ends a line (classic Mac OS
/// files, which would otherwise read as one line and lose every action silently).
/// Nothing behind the cursor is kept.
struct LineCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset: Int
    private var number = 0
    private var lookahead: MarkdownLine?
    private let terminator: UInt8

    /// `line`: the number of the line at `start` (a later part of a file starts past line 1).
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, line: Int = 1) {
        self.bytes = bytes
        self.offset = start
        self.number = line - 1
        // Stops at the first LF, so a usual file pays for one line; only a CR-only file is walked.
        let rest = start..<bytes.count
        let crOnly = ByteScan.first(UInt8(ascii: "\n"), in: bytes, rest) == nil
            && ByteScan.first(UInt8(ascii: "\r"), in: bytes, rest) != nil
        terminator = crOnly ? UInt8(ascii: "\r") : UInt8(ascii: "\n")
    }

    /// Everything before this offset has been handed out.
    var consumed: Int { lookahead?.start ?? offset }

    /// The number of the line at `consumed`.
    var nextLine: Int { lookahead?.number ?? number + 1 }

    mutating func peek() -> MarkdownLine? {
        if lookahead == nil { lookahead = scan() }
        return lookahead
    }

    mutating func next() -> MarkdownLine? {
        if let l = lookahead {
            lookahead = nil
            return l
        }
        return scan()
    }

    private mutating func scan() -> MarkdownLine? {
        guard offset < bytes.count else { return nil }
        let start = offset
        let i = ByteScan.first(terminator, in: bytes, start..<bytes.count) ?? bytes.count
        let end = (i > start && bytes[i - 1] == UInt8(ascii: "\r")) ? i - 1 : i
        offset = min(i + 1, bytes.count)
        if i == bytes.count { offset = bytes.count }
        number += 1
        return MarkdownLine(number: number, start: start, end: end)
    }
}
