import Testing
@testable import CYPPKit

/// Refs of digits and dots are kept packed, others as bytes: refs that look alike must stay
/// apart, and a repeat must be found in either form.
@Suite("Ref index: packed refs")
struct RefIndexPackingTests {
    @Test func alikeRefsStayApartAndRepeatsAreFound() {
        let refs = ["1", "1.", "1.1", "1.10", "1.1.0", "01.1", "11", ".1", "10", "0", "00", "1234567890.12345",
                    "1234567890.123456", "1234567890.1234567", "1a", "a1", "1 1", "1,1", "", "(line 12)", "é.1", "1.1 "]
        var index = RefIndex()
        for (i, ref) in refs.enumerated() { #expect(index.insert(ref, line: i + 1) == nil, "\(ref)") }
        for (i, ref) in refs.enumerated().reversed() { #expect(index.insert(ref, line: 100 + i) == i + 1, "\(ref)") }
    }

    /// Far more refs than the index expected: it grows, and keeps every first line.
    @Test func growingKeepsEveryRefAndLine() {
        var index = RefIndex(expected: 10)
        for i in 0..<20_000 { #expect(index.insert(i % 2 == 0 ? "\(i / 50).\(i % 50)" : "A-\(i)", line: 2 * i + 1) == nil) }
        for i in stride(from: 0, to: 20_000, by: 7) {
            #expect(index.insert(i % 2 == 0 ? "\(i / 50).\(i % 50)" : "A-\(i)", line: 50_000) == 2 * i + 1)
        }
    }

    /// Past 16 MB of refs, positions need the fingerprints' bits: refs before and after that
    /// point are still found, with their lines.
    @Test func refsStayExactWhenPositionsOutgrowTheirBits() {
        var index = RefIndex(expected: 1000)
        let pad = String(repeating: "x", count: 120)
        for i in 0..<160_000 { #expect(index.insert("\(pad)\(i)", line: i + 1) == nil) }
        for i in stride(from: 0, to: 160_000, by: 997) { #expect(index.insert("\(pad)\(i)", line: 999_999) == i + 1) }
        #expect(index.insert("\(pad)160000", line: 1_000_000) == nil)
    }

    /// Refs queued and flushed a batch at a time find the same repeats, with the same first
    /// lines, as refs inserted one by one: within a batch, across batches, packed or not, and
    /// while the table grows.
    @Test func queuedRefsFindTheRepeatsOneByOneFinds() {
        let refs = (0..<3_000).map { i in
            switch i % 7 {
            case 0: "\(i / 14).7"  // packed, and the same ref seven rows on: mostly in the same batch
            case 1: "Aim \(i % 40)"  // kept as UTF-8, repeated across batches
            default: "\(i / 20).\(i)"
            }
        }
        var oneByOne = RefIndex(expected: 10), queued = RefIndex(expected: 10)
        var expected: [String] = [], found: [String] = []
        for (i, ref) in refs.enumerated() {
            if let first = oneByOne.insert(ref, line: i + 2) { expected.append("\(ref) line \(i + 2) first \(first)") }
            if queued.add(ref, line: i + 2) {
                for (p, first) in queued.flush() { found.append("\(p.ref) line \(p.line) first \(first)") }
            }
        }
        for (p, first) in queued.flush() { found.append("\(p.ref) line \(p.line) first \(first)") }
        #expect(expected.count > 100)
        #expect(expected.contains { $0.hasSuffix(".7 line 9 first 2") }, "a packed repeat within the first batch")
        #expect(found == expected)
        #expect(queued.flush().isEmpty)
    }
}
