import Testing
@testable import CYPPKit

/// The check skips ASCII eight bytes at a time: a bad byte must be found wherever it falls
/// against those words, and a span's ends must be kept to exactly.
@Suite("UTF-8 check")
struct UTF8CheckTests {
    static func firstInvalid(_ bytes: [UInt8], _ range: Range<Int>? = nil) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Check.firstInvalid($0, range ?? 0..<bytes.count) }
    }

    /// What `String` makes of the bytes: the first place it had to repair, or a NUL.
    static func reference(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0 { return i }
            let width = bytes[i] < 0x80 ? 1 : bytes[i] < 0xE0 ? 2 : bytes[i] < 0xF0 ? 3 : 4
            guard i + width <= bytes.count, bytes[i] >= 0xC2 || bytes[i] < 0x80,
                String(validating: bytes[i..<(i + width)], as: UTF8.self) != nil
            else { return i }
            i += width
        }
        return nil
    }

    @Test(arguments: [[0x00], [0xFF], [0xC3], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xE2, 0x28, 0xA1],
                      [0xF0, 0x9F, 0x99, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x80]] as [[UInt8]])
    func findsTheFirstBadByteAtEveryOffset(sequence: [UInt8]) {
        for offset in 0..<40 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 48)
            bytes.replaceSubrange(offset..<(offset + sequence.count), with: sequence)
            #expect(Self.firstInvalid(bytes) == Self.reference(bytes), "\(sequence) at \(offset)")
        }
    }

    @Test func aSpanIsCheckedToItsEndsOnly() {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 64)
        bytes[3] = 0
        bytes[40] = 0xFF
        #expect(Self.firstInvalid(bytes, 4..<40) == nil)
        #expect(Self.firstInvalid(bytes, 4..<41) == 40)
        #expect(Self.firstInvalid(bytes, 0..<41) == 3)
        bytes[20] = 0xC3  // a sequence cut by the span's end is invalid, as it is at the file's
        bytes[21] = 0xA9
        #expect(Self.firstInvalid(bytes, 4..<21) == 20)
        #expect(Self.firstInvalid(bytes, 4..<22) == nil)
        #expect(Self.firstInvalid(bytes, 4..<200) == 40)
        #expect(Self.firstInvalid([], 0..<0) == nil)
    }
}
