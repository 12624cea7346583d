#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The history's `time` column: ISO 8601 local time with its UTC offset, to the second
/// (`2026-11-23T16:55:26Z`, `2026-06-01T09:30:00+01:00`). The first ten characters are the local
/// date, which is what `--since` compares; `instant` orders entries written in different offsets.
public enum HistoryTime {
    /// `date` as a stamp in the C library's local time (the `TZ` variable, else the system's
    /// zone): the zone `cyppctl` takes today's date from. Foundation's `TimeZone` is not used
    /// here: linked statically it finds no zone data and says UTC, so a rating made on the
    /// evening of the 6th west of Greenwich was stamped the 7th and missed from the 6th's report.
    /// With `day`, that day at `date`'s local time of day.
    public static func localStamp(_ date: Date, on day: Day? = nil) -> String {
        var t = local(date)
        if let day {
            t.tm_year = Int32(day.year - 1900)
            t.tm_mon = Int32(day.month - 1)
            t.tm_mday = Int32(day.day)
            t.tm_isdst = -1  // that day's own offset (summer time or not)
            var shifted = mktime(&t)
            localtime_r(&shifted, &t)
        }
        return "\(Self.day(of: t))T\(pad(Int(t.tm_hour))):\(pad(Int(t.tm_min))):\(pad(Int(t.tm_sec)))" + zone(Int(t.tm_gmtoff))
    }

    /// The calendar day of `date` in the same local time: what `cyppctl` calls today, so a
    /// change recorded now counts on today's report.
    public static func localDay(_ date: Date) -> Day { day(of: local(date)) }

    private static func local(_ date: Date) -> tm {
        var clock = time_t(date.timeIntervalSince1970.rounded(.down)), t = tm()
        localtime_r(&clock, &t)
        return t
    }

    private static func day(of t: tm) -> Day {
        Day(year: Int(t.tm_year) + 1900, month: Int(t.tm_mon) + 1, day: Int(t.tm_mday)) ?? Day(ordinal: 0)
    }

    /// `instant` (seconds since 1970 UTC) written in a zone `offset` seconds east of UTC.
    static func stamp(instant: Int, offset: Int) -> String {
        let local = instant + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - days * 86_400
        return "\(Day(ordinal: days))T\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))" + zone(offset)
    }

    /// The UTC offset a stamp was written in, in seconds east; nil when it has none.
    static func offset(_ stamp: String) -> Int? {
        guard let instant = instant(stamp), let day = Day(iso: stamp.prefix(10)) else { return nil }
        let s = Array(stamp.utf8)
        guard s.count >= 19, let h = number(s[11..<13]), let m = number(s[14..<16]), let sec = number(s[17..<19]) else { return nil }
        return day.ordinal * 86_400 + h * 3600 + m * 60 + sec - instant
    }

    /// Seconds since 1970-01-01T00:00:00Z, or nil for text that is not a stamp of this form
    /// (fractions of a second are allowed and ignored).
    public static func instant(_ stamp: String) -> Int? {
        let s = Array(stamp.utf8)
        guard s.count >= 20, let day = Day(iso: stamp.prefix(10)), s[10] == UInt8(ascii: "T"),
            s[13] == UInt8(ascii: ":"), s[16] == UInt8(ascii: ":"),
            let h = number(s[11..<13]), let m = number(s[14..<16]), let sec = number(s[17..<19]),
            h < 24, m < 60, sec < 61
        else { return nil }
        var i = 19
        if s[i] == UInt8(ascii: ".") {
            i += 1
            while i < s.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[i]) { i += 1 }
        }
        guard i < s.count else { return nil }
        var offset = 0
        if s[i] == UInt8(ascii: "Z") {
            guard i + 1 == s.count else { return nil }
        } else {
            guard s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return nil }
            let rest = Array(s[(i + 1)...]).filter { $0 != UInt8(ascii: ":") }
            guard rest.count == 4, let oh = number(rest[0..<2]), let om = number(rest[2..<4]) else { return nil }
            offset = (oh * 3600 + om * 60) * (s[i] == UInt8(ascii: "-") ? -1 : 1)
        }
        return day.ordinal * 86_400 + h * 3600 + m * 60 + sec - offset
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    private static func zone(_ seconds: Int) -> String {
        guard seconds != 0 else { return "Z" }
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + pad(minutes / 60) + ":" + pad(minutes % 60)
    }
}
