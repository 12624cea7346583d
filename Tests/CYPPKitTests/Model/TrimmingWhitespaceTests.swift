import Foundation
import Testing
@testable import CYPPKit

/// `trimmingWhitespace` trims ASCII whitespace on bytes where a character boundary is sure;
/// it must give what trimming Character by Character gives.
@Suite("Trimming whitespace")
struct TrimmingWhitespaceTests {
    /// The rule itself, Character by Character: the reference the byte steps are held to.
    private func reference(_ s: Substring) -> Substring {
        var s = s
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    @Test(arguments: [
        "", " ", "  ", "\t", "a", " a", "a ", " a ", "## Outcome 1: Best start ", "\r\n", "a\r\n", "\r\na", " \r\n a \r\n ",
        "\u{0B}\u{0C}a\u{0B}\u{0C}", "\u{1C}a\u{1F}", " \u{301}a", "a \u{301}", "\u{A0} a \u{A0}", " \u{A0}a", "a\u{A0} ",
        " é ", "e\u{301} ", " \u{301}", "\u{301} ", "\n\u{301}a", "a\u{600} ", " \u{600}a", " 😀 ", " 🇬🇧 ", "\u{200D} a",
        "a \u{200D}", " \u{3000}日本\u{3000} ", "\u{85}a\u{85}", "a\u{2028}", " a\u{20}\u{20}",
    ])
    func bytesTrimAsCharactersDo(text: String) {
        #expect(text.trimmingWhitespace() == reference(text[...]))
        // A slice of a longer string, whose ends are not the string's.
        let padded = "x" + text + "y"
        let inner = padded.dropFirst().dropLast()
        #expect(inner.trimmingWhitespace() == reference(inner))
    }

    /// Every line of the bundled plans, and every pipe-separated piece of it.
    @Test func theBundledPlansTrimAsCharactersDo() throws {
        for name in Repo.shippedPlans {
            let text = try String(contentsOfFile: Repo.path(name), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.trimmingWhitespace() == reference(line))
                for cell in line.split(separator: "|") { #expect(cell.trimmingWhitespace() == reference(cell)) }
                for cell in line.split(separator: ",") { #expect(cell.trimmingWhitespace() == reference(cell)) }
            }
        }
    }
}
