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
        // Over UTF-8 bytes with an index: a 10 MB narrative full of quotes stays one quick pass,
        // even in a debug build.
        var text = s
        return text.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + b.count / 4)
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case 0x26: out.append(contentsOf: amp)
                case 0x3C: out.append(contentsOf: lt)
                case 0x3E: out.append(contentsOf: gt)
                case 0x22: out.append(contentsOf: quot)
                case 0x27: out.append(contentsOf: apos)
                case 0x0A, 0x09: out.append(c)
                case 0x00..<0x20, 0x7F: break  // other C0 controls and DEL (CR included)
                case 0xC2 where i + 1 < b.count && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F:
                    i += 1  // a C1 control: both bytes dropped
                case 0xEF where i + 2 < b.count && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF):
                    i += 2  // U+FFFE or U+FFFF: all three bytes dropped
                default: out.append(c)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8),
        quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)}
