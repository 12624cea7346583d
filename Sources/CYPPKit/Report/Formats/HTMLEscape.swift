/// The one way plan text enters HTML: in element content and in quoted attribute values alike.
/// `&`, `<`, `>`, `"` and `'` become entity references (the five XML predefines, so the
/// document also parses as XML), and control characters that HTML forbids are dropped.
public enum HTMLEscape {
    public static func escape(_ s: String) -> String { s.replacingBytes(rule) }

    /// Entities for the five, LF and tab kept, other C0 controls, DEL, the C1 controls
    /// (C2 80–C2 9F) and U+FFFE/U+FFFF (EF BF BE/BF) dropped. Returns what replaces the bytes
    /// at `i` and how many it replaces, or nil to keep the byte. Shared by `escape` and by
    /// `ReportOutput.appendHTML`, which writes escaped text straight into the report; both
    /// run it through `String.appendBytes(replacing:to:)`.
    @inline(__always)
    static func rule(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (replacement: String, width: Int)? {
        switch b[i] {
        case 0x26: ("&amp;", 1)
        case 0x3C: ("&lt;", 1)
        case 0x3E: ("&gt;", 1)
        case 0x22: ("&quot;", 1)
        case 0x27: ("&#39;", 1)
        case 0x0A, 0x09: nil
        case 0x00..<0x20, 0x7F: ("", 1)
        case 0xC2 where i + 1 < b.count && (0x80...0x9F).contains(b[i + 1]): ("", 2)
        case 0xEF where i + 2 < b.count && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF): ("", 3)
        default: nil
        }
    }
}
