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
