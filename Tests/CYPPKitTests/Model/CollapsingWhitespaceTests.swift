import Foundation
import Testing
@testable import CYPPKit

/// `collapsingWhitespace` decides on bytes when there is nothing to collapse; it must give
/// what collapsing Character by Character gives, for every kind of whitespace.
@Suite("Collapsing whitespace")
struct CollapsingWhitespaceTests {
    /// The rule itself, Character by Character: the reference the byte test is held to.
    private func reference(_ s: String) -> String {
        var out = "", pendingSpace = false
        for ch in s {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    @Test(arguments: [
        "", " ", "a", "Outcome 1: Best start", "Zoë Ó Briain, Head of Inclusion", "Łucja Nowak", "“voice” café’s",
        "a  b", " a", "a ", "a\tb", "a\nb", "a\u{85}b", "a\u{A0}b", "a\u{1680}b", "a\u{2003}b", "a\u{200A}b",
        "a\u{200B}b", "a\u{2028}b", "a\u{2029}b", "a\u{202F}b", "a\u{205F}b", "a\u{3000}b", "a \u{301}b", "é \u{301}",
        "a \u{A0}b", "\u{A0}a", "a\u{A0}", "e\u{301} f", "日本 語", "a 😀 b", "😀", "a\u{2019}s", "\u{301}a", "a \u{200D}b",
        "Outcome 2: Coproduce “voice” develop – zoë’s", "a é", "a É b", "a – b", "a … b", "a \u{AD}b", "a \u{2FF}b",
        "a \u{300}b", "a \u{36F}b", "a \u{2028}b", "a \u{2010}b", "a \u{2027}b", "a \u{2028}", "é  “x”", "“ a ”",
        "a\u{85}", "\u{3000}a", "a \u{1F1EC}\u{1F1E7} b", "a \u{FE0F}b", "a \u{1680}b", "a\u{2009}b", " “a”",
    ])
    func bytesDecideAsCharactersDo(text: String) {
        #expect(Array(text.collapsingWhitespace().utf8) == Array(reference(text).utf8))
    }

    /// Random strings of spaces, marks, whitespace and common scalars a space may stand before.
    @Test func randomTextCollapsesAsCharactersDo() {
        let pieces = ["a", "é", "“", "–", "’", " ", " ", "\u{301}", "\u{A0}", "\u{2028}", "😀", "\t", "\u{200D}", "\u{2010}",
                      "\u{AD}", "\u{2FF}", "\u{300}", "日", "\n", "\u{3000}"]
        var rng = SplitMix(seed: 21)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(Array(text.collapsingWhitespace().utf8) == Array(reference(text).utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Every line of the bundled plans, whole and cut into words with their spacing.
    @Test func theBundledPlansCollapseAsCharactersDo() throws {
        for name in Repo.shippedPlans {
            let text = try String(contentsOfFile: Repo.path(name), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.collapsingWhitespace() == reference(String(line)))
                for cell in line.split(separator: "|") { #expect(cell.collapsingWhitespace() == reference(String(cell))) }
            }
        }
    }
}
