/// The one way plan text enters HTML: in element content and in quoted attribute values alike.
/// `&`, `<`, `>`, `"` and `'` become entity references (the five XML predefines, so the
/// document also parses as XML), and control characters that HTML forbids are dropped.
public enum HTMLEscape {
    public static func escape(_ s: String) -> String {
        var out = ""
        var text = s
        out = text.withUTF8 { String(decoding: escaped($0), as: UTF8.self) }
        return out
    }

    /// Byte by byte, copying runs of plain text whole, so a 10 MB cell is quick even in a debug
    /// build: entities for the five, LF and tab kept, other C0 controls, DEL, the C1 controls
    /// (C2 80–C2 9F) and U+FFFE/U+FFFF (EF BF BE/BF) dropped.
    private static func escaped(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var plain = 0, i = 0
        while i < b.count {
            let c = b[i]
            var width = 1
            let replacement: String?
            switch c {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            case 0x0A, 0x09: replacement = nil
            case 0x00..<0x20, 0x7F: replacement = ""
            case 0xC2 where i + 1 < b.count && (0x80...0x9F).contains(b[i + 1]):
                replacement = ""
                width = 2
            case 0xEF where i + 2 < b.count && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF):
                replacement = ""
                width = 3
            default: replacement = nil
            }
            if let replacement {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[plain..<i]))
                out.append(contentsOf: replacement.utf8)
                plain = i + width
            }
            i += width
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[plain..<b.count]))
        return out
    }
}
