/// "1.2" before "1.10": runs of digits compare by value, everything else byte by byte.
/// Written over UTF-8 so sorting a million refs needs no Foundation string bridging.
enum NaturalOrder {
    /// Negative, zero or positive, like `strcmp`.
    static func compare(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
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
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The run of digits at `start`, with its leading zeros skipped: (first significant, end).
    private static func digits(_ s: [UInt8], from start: Int) -> (Int, Int) {
        var end = start
        while end < s.count && isDigit(s[end]) { end += 1 }
        var first = start
        while first < end - 1 && s[first] == 0x30 { first += 1 }
        return (first, end)
    }
}
