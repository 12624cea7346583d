import Testing

@testable import CYPPKit

/// The two byte loops under the Markdown reader, against plain definitions, on every line of
/// the bundled plans and fixtures (non-ASCII text, invalid UTF-8, NUL bytes, CR-only files).
@Suite("Byte scans: memchr and scalar counts")
struct ByteScanTests {
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        range.filter { bytes[$0] & 0xC0 != 0x80 }.count
    }

    @Test func scalarCountsMatchTheDefinitionOverEveryPrefixAndSuffixOfEveryLine() {
        for (name, bytes) in PipeRowEquivalenceTests.files {
            bytes.withUnsafeBufferPointer { b in
                for line in PipeRowEquivalenceTests.lines(b) {
                    for k in line.start...line.end {
                        for range in [line.start..<k, k..<line.end]
                        where ByteScan.scalarCount(b, range) != Self.scalars(b, range) {
                            Issue.record("\(name):\(line.number): scalarCount(\(range)) is wrong")
                        }
                    }
                }
            }
        }
    }

    @Test func scalarCountsAreColumnsOfValidText() {
        let text = "Zoë Ó Briain’s “voice” café 0–19s 😀 \u{1F1EC}\u{1F1E7} naïve"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            #expect(ByteScan.scalarCount(b, 0..<b.count) == text.unicodeScalars.count)
            #expect(ByteScan.scalarCount(b, 3..<3) == 0)
        }
    }

    @Test func firstFindsEveryOccurrenceInTurn() {
        for (name, bytes) in PipeRowEquivalenceTests.files {
            bytes.withUnsafeBufferPointer { b in
                for target in [UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: "\n"), 0] {
                    var found: [Int] = []
                    var from = 0
                    while let i = ByteScan.first(target, in: b, from..<b.count) {
                        found.append(i)
                        from = i + 1
                    }
                    let expected = b.indices.filter { b[$0] == target }
                    #expect(found == expected, "\(name): byte \(target)")
                }
                #expect(ByteScan.first(UInt8(ascii: "#"), in: b, b.count..<b.count) == nil)
            }
        }
    }

    @Test func firstStaysInsideItsRange() {
        let bytes = Array("a|b|c".utf8)
        bytes.withUnsafeBufferPointer { b in
            #expect(ByteScan.first(UInt8(ascii: "|"), in: b, 0..<1) == nil)
            #expect(ByteScan.first(UInt8(ascii: "|"), in: b, 2..<5) == 3)
            #expect(ByteScan.first(UInt8(ascii: "|"), in: b, 1..<1) == nil)
        }
    }
}
