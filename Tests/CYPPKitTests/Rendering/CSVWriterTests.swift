import Testing

@testable import CYPPKit

/// CSV fields as RFC 4180 wants them, with formulas neutralised: short cells (one loop) and
/// long ones (searched byte by byte with `memchr`) must agree with the rule.
@Suite("CSV fields written")
struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a, b", "\"a, b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("one\ntwo", "\"one\ntwo\""),
        ("one\r\ntwo", "\"one\r\ntwo\""),
        ("tab\u{0B}vt", "\"tab\u{0B}vt\""),
        ("next\u{85}line", "\"next\u{85}line\""),
        ("para\u{2029}graph", "\"para\u{2029}graph\""),
        ("“voice” – café", "“voice” – café"),
        ("=SUM(A1)", "'=SUM(A1)"),
        ("-1, or so", "\"'-1, or so\""),
    ])
    func shortFields(text: String, expected: String) {
        #expect(CSVWriter.field(text) == expected)
    }

    /// The same texts padded past the short-cell loop, in front and behind.
    @Test(arguments: ["plain", "a, b", "say \"hi\"", "one\ntwo", "next\u{85}line", "para\u{2029}graph", "“voice” – café", "\"\""])
    func longFieldsFollowTheSameRule(core: String) {
        let padding = String(repeating: "“naïve” – words ", count: 40)
        for text in [padding + core, core + padding, padding + core + padding] {
            #expect(CSVWriter.field(text) == Self.rule(text), "\(core)")
        }
    }

    /// The rule, written plainly: quoted when a comma, quote or line break is anywhere, quotes doubled.
    static func rule(_ text: String) -> String {
        let breaks: Set<Unicode.Scalar> = [",", "\"", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        let prefix = ["=", "+", "-", "@", "\t", "\r"].contains(where: text.hasPrefix) ? "'" : ""
        guard text.unicodeScalars.contains(where: breaks.contains) else { return prefix + text }
        return "\"" + prefix + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
