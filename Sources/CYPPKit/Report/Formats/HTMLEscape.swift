/// The one way plan text enters HTML: in element content and in quoted attribute values alike.
/// `&`, `<`, `>`, `"` and `'` become entity references (the five XML predefines, so the
/// document also parses as XML), and control characters that HTML forbids are dropped.
public enum HTMLEscape {
    public static func escape(_ s: String) -> String {
        // Most plan text has nothing to escape: one byte scan, no copy. Lead bytes 0xC2 (C1
        // controls) and 0xEF (U+FFFE/FFFF) send the text the slow way, to be checked exactly.
        if !s.utf8.contains(where: { b in
            b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || b == 0x7F || b == 0xC2 || b == 0xEF
                || (b < 0x20 && b != 0x0A && b != 0x09)
        }) {
            return s
        }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(u)
            case "\r": continue
            case _ where u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF: continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
