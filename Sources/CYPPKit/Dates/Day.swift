/// A calendar date with no time or zone: plans speak in days, and "today" is always passed in.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Packed in 8 bytes, not three Ints' 24: every action holds two due dates, each up to two
    // days, and is moved several times a row. A year past Int32 is clamped; no input reaches
    // one (`--within` and `--horizon` are at most 100,000 days).
    private let y: Int32
    private let m: UInt8
    private let d: UInt8
    public var year: Int { Int(y) }
    public var month: Int { Int(m) }
    public var day: Int { Int(d) }

    /// Returns nil for impossible dates such as 31 February.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Parses exactly `YYYY-MM-DD`, the form used on the command line and in JSON.
    /// Inlinable so the command line's call is specialized: a generic called across modules
    /// looked up its conformances at run time, which cost more than the parse.
    @inlinable public init?(iso text: some StringProtocol) {
        // `YYYY-MM-DD`, ten ASCII bytes: read as digits, with no splitting (this runs at every start).
        var digits = 0, y = 0, m = 0, d = 0, i = 0
        for b in text.utf8 {
            switch i {
            case 4, 7: guard b == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard b >= 0x30, b <= 0x39 else { return nil }
                let v = Int(b - 0x30)
                if i < 4 { y = y * 10 + v } else if i < 7 { m = m * 10 + v } else { d = d * 10 + v }
                digits += 1
            default: return nil
            }
            i += 1
        }
        guard digits == 8 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of a month; `month` must be 1...12.
    public static func endOf(month: Int, year: Int) -> Day {
        Day(unchecked: year, month, daysIn(month: month, year: year))
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        y = Int32(clamping: year)
        m = UInt8(truncatingIfNeeded: month)
        d = UInt8(truncatingIfNeeded: day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences and offsets.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// ISO 8601, `YYYY-MM-DD`: ten bytes written in place (every `overdue` row prints a
    /// deadline, and building it from padded pieces took thousands of instructions).
    public var description: String {
        guard (0...9999).contains(year) else {
            let y = String(year)
            return "\(y.count < 4 ? String(repeating: "0", count: 4 - y.count) + y : y)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
        }
        let (y, m, d) = (year, month, day)
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ n: Int, width: Int, at end: Int) {
                var n = n
                for i in stride(from: end - 1, through: end - width, by: -1) {
                    out[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: n % 10)
                    n /= 10
                }
            }
            put(y, width: 4, at: 4)
            out[4] = UInt8(ascii: "-")
            put(m, width: 2, at: 7)
            out[7] = UInt8(ascii: "-")
            put(d, width: 2, at: 10)
            return 10
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
