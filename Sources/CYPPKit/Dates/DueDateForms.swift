/// The date forms. Each reads a few tokens at a fixed distance, so trying all of them at every
/// token keeps the parse linear.
extension DueWindow {
    /// The date (or impossible date) starting at the window's first token, if any.
    func match() -> DueMatch? {
        guard let first = self[0], startsCleanly else { return nil }
        switch first.kind {
        case .number(let value, let digits): return numeric(value, digits)
        case .word(.month(let month)): return monthFirst(month)
        case .word(.season(let first)): return season(first)
        case .word(.q): return quarter(numberGlued: true)
        case .word(.quarter): return quarter(numberGlued: false)
        case .word(.fy): return fiscalPrefixed()
        default: return nil
        }
    }

    /// Forms that open with a number, most specific first: ISO day, UK numeric day, day and
    /// month name, financial year, `month/year`, and a bare calendar year.
    private func numeric(_ value: Int, _ digits: Int) -> DueMatch? {
        let separator = glued(1)
        if digits == 4, separator == .symbol(.dash) || separator == .symbol(.slash),
            let month = Self.number(glued(2), 1...2), glued(3) == separator,
            let day = Self.number(glued(4), 1...2) {
            return finish(DueSpan.day(Self.year4(value), month, day), 5)  // 2019-03-31
        }
        if (1...2).contains(digits), separator == .symbol(.slash) || separator == .symbol(.dot)
            || separator == .symbol(.dash), let month = Self.number(glued(2), 1...2), glued(3) == separator,
            case .number(let year, let yearDigits)? = glued(4), yearDigits == 2 || yearDigits == 4 {
            let fullYear = yearDigits == 2 ? 2000 + year : Self.year4(year)
            return finish(DueSpan.day(fullYear, month, value), 5)  // 31/03/2019, 31.3.19: UK order
        }
        if (1...2).contains(digits), let match = dayThenMonth(value) { return match }
        if let (year, length) = financialYear(at: 0, relaxed: false) {
            return finish(year.flatMap { DueSpan.months($0, 4, 12) }, length)
        }
        if (1...2).contains(digits), separator == .symbol(.slash), let year = Self.number(glued(2), 4...4) {
            return finish(DueSpan.months(Self.year4(year), value, 1), 3)  // 4/2008
        }
        if digits == 4, let year = Self.year4(value) { return finish(DueSpan.months(year, 1, 12), 1) }
        return nil
    }

    /// `31 March 2019`, `31st of March, 2019`, `31-Mar-19`.
    private func dayThenMonth(_ day: Int) -> DueMatch? {
        if glued(1) == .symbol(.dash), case .word(.month(let month))? = glued(2), glued(3) == .symbol(.dash),
            case .number(let year, let digits)? = glued(4), digits == 2 || digits == 4 {
            return finish(DueSpan.day(digits == 2 ? 2000 + year : Self.year4(year), month, day), 5)
        }
        var k = 1
        if glued(k) == .word(.ordinal) { k += 1 }
        if spaced(k) == .word(.of) { k += 1 }
        guard case .word(.month(let month))? = spaced(k) else { return nil }
        k += glued(k + 1) == .symbol(.dot) ? 2 : 1
        if glued(k) == .symbol(.comma) { k += 1 }
        guard let (year, length) = namedYear(at: k) else { return nil }
        return finish(DueSpan.day(year, month, day), k + length)
    }

    /// `March 2019`, `Sept. 2021`, `March '21`, `Aug-21`, `March 31, 2019`.
    private func monthFirst(_ month: Int) -> DueMatch? {
        var k = glued(1) == .symbol(.dot) ? 2 : 1
        if let day = Self.number(spaced(k), 1...2) {
            var j = k + 1
            if glued(j) == .word(.ordinal) { j += 1 }
            if glued(j) == .symbol(.comma) { j += 1 }
            guard let (year, length) = namedYear(at: j) else { return nil }  // `March 16`: day or year?
            return finish(DueSpan.day(year, month, day), j + length)
        }
        if glued(k) == .symbol(.comma) { k += 1 }
        guard let (year, length) = namedYear(at: k) else { return nil }
        return finish(DueSpan.months(year, month, 1), k + length)
    }

    /// `Spring 2019` is March–May; `Winter 2019` runs into February 2020. With an academic year,
    /// autumn and winter start in its first calendar year, spring and summer fall in its second.
    private func season(_ first: Int) -> DueMatch? {
        if spaced(1) != nil, let (year, length) = financialYear(at: 1, relaxed: true) {
            let calendarYear = first >= 9 ? year : year.map { $0 + 1 }
            return finish(DueSpan.months(calendarYear, first, 3), 1 + length)
        }
        guard let (year, length) = namedYear(at: 1) else { return nil }
        return finish(DueSpan.months(year, first, 3), 1 + length)
    }

    /// `Q3 2019/20`, `Quarter 3 2019-20`: financial quarters, so Q1 is April–June and Q4 is
    /// January–March of the second year. `Q3 2019` could be either kind of quarter: it is a warning.
    private func quarter(numberGlued: Bool) -> DueMatch? {
        guard let token = self[1], token.spaced != numberGlued, case .number(let n, 1) = token.kind,
            spaced(2) != nil
        else { return nil }
        if let (year, length) = financialYear(at: 2, relaxed: true) {
            let period = year.flatMap { start -> DuePeriod? in
                guard (1...4).contains(n) else { return nil }
                return n == 4 ? DueSpan.months(start + 1, 1, 3) : DueSpan.months(start, 3 * n + 1, 3)
            }
            return finish(period, 2 + length)
        }
        return Self.number(spaced(2), 4...4) == nil ? nil : finish(nil, 3)
    }

    /// `FY 20/21`, `FY2019/20`; a bare `FY2020` does not say which year it starts.
    private func fiscalPrefixed() -> DueMatch? {
        if let (year, length) = financialYear(at: 1, relaxed: true) {
            return finish(year.flatMap { DueSpan.months($0, 4, 12) }, 1 + length)
        }
        return Self.number(self[1]?.kind, 4...4) == nil ? nil : finish(nil, 2)
    }
}
