/// A plan file's bytes and name: positions for diagnostics are computed here.
public struct SourceText: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// 3 when the file starts with a UTF-8 byte-order mark, else 0.
    public let contentStart: Int

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// 1-based column of `offset`, counting Unicode scalars from `lineStart`.
    public func column(of offset: Int, lineStart: Int) -> Int {
        var col = 1
        var i = max(0, lineStart)
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return col
    }

    public func location(line: Int, offset: Int, lineStart: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column(of: offset, lineStart: lineStart))
    }

    /// Where the first invalid UTF-8 sequence is, if any; the file still reads, with U+FFFD.
    public func firstInvalidUTF8() -> SourceLocation? {
        var line = 1
        var lineStart = 0
        var i = contentStart
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
                continue
            }
            let need: Int
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0...0xEF: need = 2
            case 0xF0...0xF4: need = 3
            default: return location(line: line, offset: i, lineStart: lineStart)
            }
            guard i + need < n else {
                return location(line: line, offset: i, lineStart: lineStart)
            }
            var valid = true
            for k in 1...need where bytes[i + k] & 0xC0 != 0x80 { valid = false }
            // Overlongs and surrogates: the second byte's range is narrower.
            let second = bytes[i + 1]
            if b == 0xE0 && second < 0xA0 { valid = false }
            if b == 0xED && second > 0x9F { valid = false }
            if b == 0xF0 && second < 0x90 { valid = false }
            if b == 0xF4 && second > 0x8F { valid = false }
            if !valid { return location(line: line, offset: i, lineStart: lineStart) }
            i += need + 1
        }
        return nil
    }
}
