/// The one place Markdown cell text is escaped and unescaped, so reading and `rate` agree.
public enum MarkdownCellText {
    public static func decode(_ s: String) -> String {
        s.withUTF8Bytes { decoded($0) }
    }

    /// `\|` becomes `|` and each form of `<br>` a newline, in one pass over the bytes. No two
    /// of these forms overlap, and neither replacement can begin or complete one, so this is
    /// what replacing each form in turn gives, without a copy of the text per form.
    static func decoded(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0, kept = 0
        while i < raw.count {
            let width: Int, replacement: UInt8
            if raw[i] == UInt8(ascii: "\\"), i + 1 < raw.count, raw[i + 1] == UInt8(ascii: "|") {
                (width, replacement) = (2, UInt8(ascii: "|"))
            } else if raw[i] == UInt8(ascii: "<"), let form = lineBreaks.first(where: { starts(raw, with: $0, at: i) }) {
                (width, replacement) = (form.count, UInt8(ascii: "\n"))
            } else {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[kept..<i]))
            out.append(replacement)
            i += width
            kept = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[kept...]))
        return String(decoding: out, as: UTF8.self)
    }

    private static let lineBreaks = ["<br />", "<br/>", "<br>", "<BR>"].map { Array($0.utf8) }

    private static func starts(_ raw: UnsafeBufferPointer<UInt8>, with form: [UInt8], at i: Int) -> Bool {
        i + form.count <= raw.count && form.indices.allSatisfy { raw[i + $0] == form[$0] }
    }

    /// A cell's text from its bytes (blanks already trimmed): Unicode whitespace trimmed, `\|`
    /// unescaped and `<br>` turned into a newline. Most cells need none of that (their edges
    /// are characters Unicode trimming leaves as they are, `ByteScan.hasPlainEdges`) and are
    /// decoded once, straight from the file.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        let marked = isMarked(raw)
        guard ByteScan.hasPlainEdges(bytes, range) else {
            let trimmed = String(String(decoding: raw, as: UTF8.self).trimmingWhitespace())
            return marked ? decode(trimmed) : trimmed
        }
        return marked ? decoded(raw) : String(decoding: raw, as: UTF8.self)
    }

    /// True when `read` gives these bytes as they are: nothing to unescape, nothing to trim.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        ByteScan.hasPlainEdges(bytes, range) && !isMarked(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// A backslash (which may escape a pipe) or a `<` (which may start a `<br>`).
    private static func isMarked(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.first(UInt8(ascii: "\\"), in: raw, 0..<raw.count) != nil
            || ByteScan.first(UInt8(ascii: "<"), in: raw, 0..<raw.count) != nil
    }

    /// A lone CR is a line break too: written raw it would end the row in a CR-only file.
    public static func encode(_ s: String) -> String {
        separatingBackslashesFromPipes(s).replacingAll("|", with: "\\|").replacingAll("\r\n", with: "<br>")
            .replacingAll("\n", with: "<br>").replacingAll("\r", with: "<br>")
    }

    /// The row splitter reads a backslash as escaping the character after it, so an odd run of
    /// backslashes before a pipe would escape the pipe's own escape and split the cell there
    /// (the fuzzer found it): such a pipe is kept apart from them by a space.
    private static func separatingBackslashesFromPipes(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "\\")) else { return s }
        var out = String.UnicodeScalarView()
        var backslashes = 0
        for u in s.unicodeScalars {
            if u == "|" && backslashes % 2 == 1 { out.append(" ") }
            backslashes = u == "\\" ? backslashes + 1 : 0
            out.append(u)
        }
        return String(out)
    }

    /// What a cell holds once `s` is written and read back: `<br>` typed in text is a line break.
    public static func normalised(_ s: String) -> String { decode(encode(s)) }
}
