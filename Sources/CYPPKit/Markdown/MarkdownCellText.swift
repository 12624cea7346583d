/// The one place Markdown cell text is escaped and unescaped, so reading and `rate` agree.
public enum MarkdownCellText {
    public static func decode(_ s: String) -> String {
        var out = s.replacingAll("\\|", with: "|")
        for br in ["<br />", "<br/>", "<br>", "<BR>"] { out = out.replacingAll(br, with: "\n") }
        return out
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
