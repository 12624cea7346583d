/// "1.2" before "1.10": runs of digits compare by value, everything else byte by byte.
/// Written over UTF-8 so sorting a million refs needs no Foundation string bridging.
enum NaturalOrder {
    /// Negative, zero or positive, like `strcmp`.
    static func compare(_ a: String, _ b: String) -> Int {
        a.withUTF8Bytes { x in b.withUTF8Bytes { y in compare(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) } }
    }

    /// The same order over UTF-8 bytes, as `overdue`'s sorter keeps refs. Refs equal as
    /// numbers ("01" and "1") fall back to their bytes, so the order is total.
    static func compare(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                let (si, ei) = digits(x, from: i), (sj, ej) = digits(y, from: j)
                // Longer significant runs are larger numbers; equal lengths compare digit by digit.
                if ei - si != ej - sj { return (ei - si) - (ej - sj) }
                for k in 0..<(ei - si) where x[si + k] != y[sj + k] { return Int(x[si + k]) - Int(y[sj + k]) }
                i = ei
                j = ej
                continue
            }
            if x[i] != y[j] { return Int(x[i]) - Int(y[j]) }
            i += 1
            j += 1
        }
        if x.count - i != y.count - j { return (x.count - i) - (y.count - j) }
        return bytewise(x, y)
    }

    /// The first eight bytes, as a number, of an encoding of `x` that sorts as `compare` does:
    /// for a sorter to compare before it calls `compare`. If `compare(x, y) < 0` then
    /// `hint(x) <= hint(y)`, so refs whose hints differ are ordered by them. A run of digits is
    /// a byte 0x30 + its significant length (1–8, and so between the same bytes as a digit) and
    /// its digits two to a byte; any other byte is itself. A longer run (0x39) or the eighth
    /// byte ends the hint: a prefix keeps the order.
    static func hint(_ x: UnsafeRawBufferPointer) -> UInt64 {
        var hint: UInt64 = 0, bytes = 0, i = 0
        func put(_ b: UInt8) -> Bool {
            guard bytes < 8 else { return false }
            hint |= UInt64(b) << (56 - 8 * UInt64(bytes))
            bytes += 1
            return true
        }
        while i < x.count {
            guard isDigit(x[i]) else {
                guard put(x[i]) else { break }
                i += 1
                continue
            }
            let (first, end) = digits(x, from: i)
            // A run of nine or more significant digits ends the hint after its length byte:
            // stopped before that byte, zeros after the prefix would sort the ref too early.
            guard put(0x30 + UInt8(min(end - first, 9))), end - first < 9 else { break }
            var k = first
            while k < end {
                let high = x[k] - 0x30, low = k + 1 < end ? x[k + 1] - 0x30 : 0
                guard put(high << 4 | low) else { return hint }
                k += 2
            }
            i = end
        }
        return hint
    }

    private static func bytewise(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
        for k in 0..<min(x.count, y.count) where x[k] != y[k] { return Int(x[k]) - Int(y[k]) }
        return x.count - y.count
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The run of digits at `start`, with its leading zeros skipped: (first significant, end).
    private static func digits(_ s: UnsafeRawBufferPointer, from start: Int) -> (Int, Int) {
        var end = start
        while end < s.count && isDigit(s[end]) { end += 1 }
        var first = start
        while first < end - 1 && s[first] == 0x30 { first += 1 }
        return (first, end)
    }
}
