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
    /// `date` as a stamp in `timeZone`; with `day`, that day at `date`'s time of day
    /// (`rate --as-of`: back-filling a rating agreed at an earlier meeting).
    public static func stamp(_ date: Date, timeZone: TimeZone, on day: Day? = nil) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var moment = date
        if let day, let shifted = calendar.date(from: DateComponents(
            year: day.year, month: day.month, day: day.day, hour: c.hour, minute: c.minute, second: c.second))
        {
            moment = shifted
        }
        let d = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        let offset = timeZone.secondsFromGMT(for: moment)
        let date = Day(year: d.year ?? 1970, month: d.month ?? 1, day: d.day ?? 1) ?? Day(ordinal: 0)
        let time = [d.hour ?? 0, d.minute ?? 0, d.second ?? 0].map { pad($0) }.joined(separator: ":")
        return "\(date)T\(time)" + zone(offset)
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
