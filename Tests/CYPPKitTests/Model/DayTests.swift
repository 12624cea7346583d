import Testing

@testable import CYPPKit

@Suite("Days written as ISO 8601")
struct DayTests {
    @Test(arguments: [
        (2022, 6, 30, "2022-06-30"), (2019, 12, 1, "2019-12-01"), (2024, 2, 29, "2024-02-29"),
        (1999, 10, 10, "1999-10-10"), (42, 1, 9, "0042-01-09"), (9999, 12, 31, "9999-12-31"),
    ])
    func writesPaddedDigits(year: Int, month: Int, day: Int, expected: String) throws {
        let d = try #require(Day(year: year, month: month, day: day))
        #expect(d.description == expected)
    }

    /// Date arithmetic can pass year 9999: the year is then written whole.
    @Test func writesYearsPastFourDigits() throws {
        let last = try #require(Day(year: 9999, month: 12, day: 31))
        #expect(last.adding(days: 1).description == "10000-01-01")
    }

    /// Every day of four centuries reads back as itself, and as the old padded-pieces way wrote it.
    @Test func everyDayReadsBackAsItself() throws {
        let first = try #require(Day(year: 1900, month: 1, day: 1)), last = try #require(Day(year: 2300, month: 12, day: 31))
        for ordinal in first.ordinal...last.ordinal {
            let day = Day(ordinal: ordinal)
            let text = day.description
            #expect(Day(iso: text) == day, "\(text)")
            let pieces = padded(day.year, 4) + "-" + padded(day.month, 2) + "-" + padded(day.day, 2)
            if text != pieces {
                Issue.record("\(text) but \(pieces)")
                return
            }
        }
    }
}

extension DayTests {
    /// A day is packed in eight bytes: the furthest a deadline can be moved (`--within` and
    /// `--horizon` allow 100,000 days) keeps its parts, and days order as their ordinals do.
    @Test func packedDaysKeepTheirPartsAndOrder() throws {
        #expect(MemoryLayout<Day>.size <= 8)
        let last = try #require(Day(year: 9999, month: 12, day: 31))
        let far = last.adding(days: 100_000)
        #expect(far.ordinal - last.ordinal == 100_000)
        #expect(Day(ordinal: far.ordinal) == far && far.year > 9999 && (1...12).contains(far.month))
        var rng = SplitMix(seed: 22)
        for _ in 0..<10_000 {
            let a = Day(ordinal: Int.random(in: -719_162...far.ordinal, using: &rng))
            let b = Day(ordinal: Int.random(in: -719_162...far.ordinal, using: &rng))
            #expect((a < b) == (a.ordinal < b.ordinal) && (a == b) == (a.ordinal == b.ordinal))
        }
    }
}

/// The way `Day` was written before: each number padded with zeros, then joined.
private func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
