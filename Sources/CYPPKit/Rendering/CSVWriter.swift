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
        // The formula characters are ASCII, so the first byte tells.
        let formula = text.utf8.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } ?? false
        let quote = needsQuotes(text)
        if quote { out.append(0x22) }
        if formula { out.append(UInt8(ascii: "'")) }
        if quote {
            text.appendBytes(replacing: { b, i in b[i] == 0x22 ? ("\"\"", 1) : nil }, to: &out)
            out.append(0x22)
        } else {
            out.append(utf8: text)
        }
    }

    /// Quotes only when the text holds a comma, quote or line break.
    public static func quoted(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A comma, a quote or a line break (LF, CR, VT, FF, NEL, U+2028/9) anywhere: looked for
    /// on bytes, so a comma followed by a combining accent is still seen as a comma.
    private static func needsQuotes(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { b in
            b.indices.contains { b[$0] == 0x2C || b[$0] == 0x22 || ByteScan.lineBreak(b, at: $0) > 0 }
        }
    }
}
