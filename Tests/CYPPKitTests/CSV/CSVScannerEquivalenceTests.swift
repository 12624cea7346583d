import Foundation
import Testing

@testable import CYPPKit

/// The word-at-a-time CSV scanner against the byte-at-a-time one it replaced
/// (`ReferenceCSVScanner`): on the bundled CSV plans and fixtures, and on generated text made
/// of the bytes the scanner treats specially, placed at every offset of an eight-byte word.
@Suite("CSV scanner: the word-at-a-time scan matches the reference")
struct CSVScannerEquivalenceTests {
    /// Every difference between the two scanners on `bytes`, described; empty when they agree.
    static func differences(_ bytes: [UInt8]) -> [String] {
        var reference = ReferenceCSVScanner(bytes: bytes)
        var expected: [ReferenceCSVScanner.Record] = []
        while let r = reference.next() { expected.append(r) }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var found: [String] = []
            var k = 0
            while let record = scanner.next() {
                let got = ReferenceCSVScanner.Record(
                    fields: record.fields.map {
                        .init(range: $0.range, content: $0.content, trailing: $0.trailing, line: $0.line, lineStart: $0.lineStart,
                              wasQuoted: $0.wasQuoted, hasEscapedQuotes: $0.hasEscapedQuotes)
                    }, line: record.line, range: record.range)
                if k >= expected.count {
                    found.append("extra record \(k): \(got)")
                } else if got != expected[k] {
                    found.append("record \(k): \(got) but the reference read \(expected[k])")
                }
                k += 1
            }
            if k < expected.count { found.append("\(expected.count - k) records missing") }
            if scanner.problems != reference.problems { found.append("problems \(scanner.problems) vs \(reference.problems)") }
            return found
        }
    }

    @Test func agreesOnTheBundledAndFixtureCSVFiles() throws {
        var checked = 0
        for folder in ["plans", "Tests/Fixtures"] {
            let root = Repo.path(folder)
            for case let relative as String in FileManager.default.enumerator(atPath: root) ?? .init()
            where relative.hasSuffix(".csv") {
                let bytes = try #require(FileManager.default.contents(atPath: root + "/" + relative))
                #expect(Self.differences(Array(bytes)) == [], "\(folder)/\(relative)")
                checked += 1
            }
        }
        #expect(checked >= 5)
    }

    /// Runs of the special bytes at every alignment, with plain ASCII and multi-byte UTF-8
    /// (whose bytes have the top bit set, which the zero-byte test must not mistake for a hit).
    @Test func agreesOnGeneratedText() {
        let pieces: [[UInt8]] = [
            Array(",".utf8), Array("\"".utf8), Array("\"\"".utf8), Array("\n".utf8), Array("\r".utf8),
            Array("\r\n".utf8), Array("a".utf8), Array("plain text".utf8), Array("é".utf8), Array("“x”".utf8),
            Array("0–19s".utf8), [0xFF], [0x00], Array("        ".utf8),
        ]
        var rng = SplitMix(seed: 4180)
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            let count = Int(rng.next() % 40)
            for _ in 0..<count { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let found = Self.differences(bytes)
            #expect(found == [], "round \(round): \(bytes)")
            if !found.isEmpty { return }
        }
    }

    /// A special byte alone in a long run, at each offset: the word loop and the tail loop.
    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")])
    func findsASpecialByteAtEveryOffset(special: UInt8) {
        for length in [7, 8, 9, 16, 17, 31] {
            for at in 0..<length {
                var bytes = Array(repeating: UInt8(ascii: "x"), count: length)
                bytes[at] = special
                #expect(Self.differences(bytes) == [], "\(special) at \(at) of \(length)")
                bytes.insert(UInt8(ascii: "\""), at: 0)  // and inside a quoted field
                #expect(Self.differences(bytes) == [], "quoted: \(special) at \(at) of \(length)")
            }
        }
    }
}
