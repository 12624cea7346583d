import Foundation
import Testing

@testable import CYPPKit

/// The byte-level rewrites made for speed (a 10 MB cell in a debug build) against the rules
/// they replace, on random text with every kind of character they treat specially.
@Suite("Byte-level rewrites match their rules")
struct ByteRewriteTests {
    /// `replacingAll`, rewritten over buffers, agrees with Foundation on random text.
    @Test func replacingAllAgreesWithFoundation() {
        var rng = SplitMix(seed: 8)
        let alphabet: [String] = ["\"", "\"\"", "a", "é", "|", "\\|", "<br>", "\r\n", "\n", "🎉", " "]
        for _ in 0..<2_000 {
            let s = (0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            for (target, replacement) in [("\"\"", "\""), ("|", "\\|"), ("<br>", "\n"), ("\r\n", "<br>"), ("a", "")] {
                #expect(
                    s.replacingAll(target, with: replacement) == s.replacingOccurrences(of: target, with: replacement),
                    "\(s.debugDescription)")
            }
        }
    }

    /// TSV flattening, eight bytes a step past words with no tab or break, gives what the
    /// character rule gives: each tab and line break (CR LF as one) a space.
    @Test func tsvFlatteningMatchesItsRule() {
        var rng = SplitMix(seed: 10)
        let alphabet = ["plain text ", "é", "—", "“q”", "\t", "\r\n", "\n", "\r", "\u{0B}", "\u{85}", "\u{2028}", "\u{2029}",
                        "a", "0123456789abcdef", "🎉"]
        for _ in 0..<3_000 {
            let s = (0..<Int(rng.next() % 14)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            let rule = String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
            var out: [UInt8] = []
            RecordLine(columns: [], format: .tsv).append([.text(s)], to: &out)
            #expect(String(decoding: out, as: UTF8.self) == rule + "\n", "\(s.debugDescription)")
        }
    }

    /// A TSV line, written a cell at a time in place after bytes already in the buffer (a
    /// kept row's header), is those bytes, then the cells by the rule: texts flattened,
    /// numbers in decimal, missing cells empty, a tab between, a line feed after. Cells of
    /// every length, past the room a line makes ahead (512 bytes) too.
    @Test func tsvLinesWrittenInPlaceMatchTheRule() {
        var rng = SplitMix(seed: 11)
        let alphabet = ["plain text ", "é", "—", "“q”", "\t", "\r\n", "\n", "\u{2028}", "a", "0123456789abcdef", "🎉"]
        let line = RecordLine(columns: [], format: .tsv)
        for _ in 0..<2_000 {
            let prefix = [UInt8]((0..<Int(rng.next() % 20)).map { UInt8(truncatingIfNeeded: $0 &* 37) })
            var expected = prefix, cells: [RecordTable.Cell] = []
            for _ in 0..<Int(rng.next() % 6) {
                switch rng.next() % 4 {
                case 0: cells.append(.number(Int(truncatingIfNeeded: rng.next() % 2_000_001) - 1_000_000))
                case 1: cells.append(.missing)
                default:
                    let pieces = rng.next() % 9 == 0 ? 300 : Int(rng.next() % 14)
                    cells.append(.text((0..<pieces).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()))
                }
            }
            let rule = cells.map { cell -> String in
                switch cell {
                case .text(let s): String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
                case .number(let n): String(n)
                case .missing: ""
                }
            }
            expected += Array((rule.joined(separator: "\t") + "\n").utf8)
            var out = prefix
            line.append(cells, to: &out)
            #expect(out == expected, "\(cells)")
        }
    }

    /// The fast path of `terminalSafe` gives what the scalar-by-scalar rule gives.
    @Test func terminalSafeMatchesItsRule() {
        var rng = SplitMix(seed: 9)
        for _ in 0..<2_000 {
            let s = String(
                String.UnicodeScalarView(
                    (0..<Int(rng.next() % 10)).compactMap { _ in
                        Unicode.Scalar(
                            [0x41, 0x0A, 0x09, 0x1B, 0x7F, 0x85, 0x9B, 0xA0, 0xE9, 0x2028, 0x1F389][Int(rng.next() % 11)])
                    }))
            let rule = String(
                String.UnicodeScalarView(
                    s.unicodeScalars.compactMap { u -> Unicode.Scalar? in
                        if u == "\n" || u == "\t" || u == "\r" { return " " }
                        return u.value < 0x20 || (0x7F...0x9F).contains(u.value) ? nil : u
                    }))
            #expect(TextTable.terminalSafe(s) == rule, "\(s.debugDescription)")
        }
    }

    /// HTML and JSON escaping, rewritten over bytes, agree with their scalar-by-scalar rules.
    @Test func byteEscapesMatchTheirRules() throws {
        var rng = SplitMix(seed: 10)
        let pool: [UInt32] = [
            0x41, 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x5C, 0x0A, 0x09, 0x0D, 0x01, 0x1B, 0x7F, 0x80, 0x9B, 0x9F,
            0xA0, 0xE9, 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F389,
        ]
        for _ in 0..<2_000 {
            let scalars = (0..<Int(rng.next() % 10)).compactMap { _ in Unicode.Scalar(pool[Int(rng.next() % UInt64(pool.count))])
            }
            let s = String(String.UnicodeScalarView(scalars))
            var html = ""
            for u in s.unicodeScalars {
                switch u {
                case "&": html += "&amp;"
                case "<": html += "&lt;"
                case ">": html += "&gt;"
                case "\"": html += "&quot;"
                case "'": html += "&#39;"
                case "\n", "\t": html.unicodeScalars.append(u)
                case _ where u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF: break
                default: html.unicodeScalars.append(u)
                }
            }
            #expect(HTMLEscape.escape(s) == html, "\(s.debugDescription)")
            var json = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case "\n": json += "\\n"
                case "\r": json += "\\r"
                case "\t": json += "\\t"
                case _ where u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF:
                    let hex = String(u.value, radix: 16)
                    json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: json.unicodeScalars.append(u)
                }
            }
            #expect(JSONValue.string(s).rendered() == json + "\"\n", "\(s.debugDescription)")
        }
    }

    @Test func jsonEscapesWhatSomeReadersDrop() {
        #expect(
            JSONValue.string("a\u{FEFF}b\u{2028}c\"\\\u{1}\u{7F}é").rendered() == "\"a\\ufeffb\\u2028c\\\"\\\\\\u0001\\u007fé\"\n"
        )
        #expect(JSONValue.string("plain é 🎉").rendered() == "\"plain é 🎉\"\n")
    }
}

/// A small deterministic generator, so random tests fail the same way every time.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
