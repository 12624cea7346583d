extension String {
    /// The text's UTF-8 bytes where they are. `withUTF8` needs a `var`, and the copy made for
    /// it was a retain and a release each time (every cell `overdue` writes, every ref it
    /// indexes). Strings made from plan bytes are native UTF-8; any other is made so in a copy.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// True when some UTF-8 byte of the text passes `test`. An index loop over the contiguous
    /// bytes, so a fast path that asks "is there anything to do?" costs one cheap pass, even in
    /// a debug build (where `utf8.contains(where:)` walks a generic iterator byte by byte).
    func containsByte(where test: (UInt8) -> Bool) -> Bool {
        withUTF8Bytes { bytes in
            var i = 0
            while i < bytes.count {
                if test(bytes[i]) { return true }
                i += 1
            }
            return false
        }
    }

    /// The text's UTF-8 bytes appended to `out`, with byte sequences replaced. `rule` looks at
    /// the bytes at an index and returns what to write instead and how many bytes that replaces
    /// (an empty replacement drops them), or nil to keep the byte. Runs of kept bytes are copied
    /// whole, so a 10 MB cell is one quick pass even in a debug build: the one loop behind JSON
    /// and HTML escaping, whether into a new string or straight into a report's output.
    func appendBytes(replacing rule: (UnsafeBufferPointer<UInt8>, Int) -> (replacement: String, width: Int)?,
                     to out: inout [UInt8]) {
        withUTF8Bytes { b in
            var plain = 0, i = 0
            while i < b.count {
                guard let (replacement, width) = rule(b, i) else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[plain..<i]))
                out.append(utf8: replacement)
                i += max(1, width)
                plain = min(i, b.count)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[plain..<b.count]))
        }
    }

    /// The text with byte sequences replaced by `rule` (see `appendBytes(replacing:to:)`).
    func replacingBytes(_ rule: (UnsafeBufferPointer<UInt8>, Int) -> (replacement: String, width: Int)?) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 8)
        appendBytes(replacing: rule, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// The text's UTF-8 bytes, copied whole: `append(contentsOf: s.utf8)` walks them one by
    /// one, which was a visible cost of every line `overdue` and `list` write.
    mutating func append(utf8 text: String) {
        text.withUTF8Bytes { append(contentsOf: $0) }
    }

    /// `count` spaces, copied from a run of them: appending a repeated element went byte by
    /// byte, and tables pad every cell but the last (and lay a row out on a line of spaces).
    /// From a slice of the run: appended through a buffer pointer here, the compiler stopped
    /// inlining every other buffer append (0.4% more instructions for `overdue`).
    mutating func append(spaces count: Int) {
        var left = count
        while left > 0 {
            let n = Swift.min(left, spaceRun.count)
            append(contentsOf: spaceRun[..<n])
            left -= n
        }
    }

    /// `n` in decimal, as `String(n)` writes it, with no string made on the way: a listing
    /// writes two numbers a row.
    mutating func append(decimal n: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ByteScan.maxDecimalBytes) { digits in
            append(contentsOf: digits[..<ByteScan.writeDecimal(n, to: digits.baseAddress!)])
        }
    }
}

/// The run `append(spaces:)` copies from: a table row's line in one or two copies.
private let spaceRun = [UInt8](repeating: 0x20, count: 1 << 12)
