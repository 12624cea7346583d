/// RFC 4180 output. Plan text that a spreadsheet would run as a formula (`=`, `+`, `-`,
/// `@`, or a leading tab/CR) is prefixed with `'`, OWASP's advice for CSV injection.
public enum CSVWriter {
    public static func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// A cell of plan text: neutralised, then quoted if needed.
    public static func field(_ text: String) -> String {
        var out: [UInt8] = []
        appendField(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `field(text)`'s bytes appended to `out`: what a streamed listing writes.
    public static func appendField(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { b in
            // The formula characters are ASCII, so the first byte tells.
            let formula = b.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } ?? false
            let quote = needsQuotes(b)
            if quote { out.append(0x22) }
            if formula { out.append(UInt8(ascii: "'")) }
            guard quote else {
                out.append(contentsOf: b)
                return
            }
            // Each quote doubled; the runs between quotes copied whole.
            var start = 0
            while let q = ByteScan.first(0x22, in: b, start..<b.count) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start...q]))
                out.append(0x22)
                start = q + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start...]))
            out.append(0x22)
        }
    }

    /// Quotes only when the text holds a comma, quote or line break.
    public static func quoted(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A comma, a quote or a line break (LF, CR, VT, FF, NEL, U+2028/9) anywhere: looked for
    /// on bytes, so a comma followed by a combining accent is still seen as a comma. Each byte
    /// is searched for with `memchr`, a pass of many bytes a step: a 10 MB cell took seconds
    /// in a debug build as a loop calling a test for every byte.
    private static func needsQuotes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        // Short cells (most of them) in one loop: eight calls of `memchr` cost more there.
        if b.count < 256 {
            for i in b.indices {
                switch b[i] {
                case 0x2C, 0x22, 0x0A...0x0D: return true
                case 0xC2, 0xE2: if ByteScan.lineBreak(b, at: i) > 0 { return true }
                default: continue
                }
            }
            return false
        }
        let all = 0..<b.count
        for byte: UInt8 in [0x2C, 0x22, 0x0A, 0x0D, 0x0B, 0x0C] where ByteScan.first(byte, in: b, all) != nil { return true }
        // NEL and U+2028/9 start with these; most text with them has none of the breaks.
        for lead: UInt8 in [0xC2, 0xE2] {
            var from = 0
            while let i = ByteScan.first(lead, in: b, from..<b.count) {
                if ByteScan.lineBreak(b, at: i) > 0 { return true }
                from = i + 1
            }
        }
        return false
    }

    private static func needsQuotes(_ text: String) -> Bool {
        text.withUTF8Bytes { needsQuotes($0) }
    }
}
