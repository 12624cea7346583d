/// UTF-8 validation of a span, ASCII first: plans are mostly ASCII, so most spans cost one
/// quick loop. Used per record or line, while the bytes are still in cache.
enum UTF8Check {
    /// Offset of the first invalid sequence in `range`, or nil when it is all valid. A NUL
    /// byte counts as invalid: valid UTF-8, but never in a text file (UTF-16 or binary data).
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, bytes.count)
        guard let base = bytes.baseAddress, i < end else { return nil }
        while i < end {
            // Eight ASCII bytes at a time, none of them NUL: no top bit set, and no zero byte.
            while i + 8 <= end {
                let w = ByteScan.word(base, at: i)
                if w & 0x8080_8080_8080_8080 | ByteScan.firstZeroBytes(w) != 0 { break }
                i += 8
            }
            guard i < end else { break }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return i }
                i += 1
                continue
            }
            let need: Int
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0...0xEF: need = 2
            case 0xF0...0xF4: need = 3
            default: return i
            }
            guard i + need < end else { return i }
            let second = bytes[i + 1]
            if second & 0xC0 != 0x80 { return i }
            if need >= 2 && bytes[i + 2] & 0xC0 != 0x80 { return i }
            if need == 3 && bytes[i + 3] & 0xC0 != 0x80 { return i }
            // Overlongs and surrogates: the second byte's range is narrower.
            if (b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F)
                || (b == 0xF0 && second < 0x90) || (b == 0xF4 && second > 0x8F) { return i }
            i += need + 1
        }
        return nil
    }
}
