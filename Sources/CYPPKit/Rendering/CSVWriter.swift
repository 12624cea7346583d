/// RFC 4180 output. Plan text that a spreadsheet would run as a formula (`=`, `+`, `-`,
/// `@`, or a leading tab/CR) is prefixed with `'`, OWASP's advice for CSV injection.
public enum CSVWriter {
    public static func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// A cell of plan text: neutralised, then quoted if needed.
    public static func field(_ text: String) -> String {
        quoted(neutralised(text))
    }

    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + text
        default: return text
        }
    }

    /// Quotes only when the text holds a comma, quote or line break.
    public static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
