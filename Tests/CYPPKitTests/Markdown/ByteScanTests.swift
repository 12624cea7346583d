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

    /// Printable ASCII eight bytes a step, against the byte rule: every byte value at every
    /// place of buffers of every length up to three words (a borrow or a carry between bytes
    /// must not hide or invent one), then random buffers, mostly printable.
    @Test func printableASCIIMatchesTheByteRule() {
        func rule(_ b: [UInt8]) -> Bool { b.allSatisfy { (0x20...0x7E).contains($0) } }
        for length in 0...24 {
            for at in 0..<max(length, 1) where at < length {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[at] = value
                    for neighbour in [UInt8(0x20), 0x7E, 0x21] where at + 1 < length {
                        bytes[at + 1] = neighbour
                        #expect(bytes.withUnsafeBufferPointer(ByteScan.isPrintableASCII) == rule(bytes), "\(bytes)")
                    }
                    #expect(bytes.withUnsafeBufferPointer(ByteScan.isPrintableASCII) == rule(bytes), "\(bytes)")
                }
            }
        }
        var rng = SplitMix(seed: 20)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Int.random(in: 0..<20, using: &rng) == 0 ? UInt8.random(in: 0...255, using: &rng) : UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            #expect(bytes.withUnsafeBufferPointer(ByteScan.isPrintableASCII) == rule(bytes), "\(bytes)")
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
