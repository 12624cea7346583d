/// What a date form found at the current token.
enum DueMatch: Equatable {
    case period(DuePeriod)
    /// Clearly a date's shape but no real date (`31/02/2019`, `June 1012`): skip it, never guess.
    case impossible(consumed: Int)
}

/// A bounded view of the next few tokens (plus the two before) on which every form is tried,
/// most specific first, so `31 March 2019` is a day before `March 2019` could be a month.
/// This file holds its primitives; the forms themselves are in `DueDateForms.swift`.
struct DueWindow {
    let tokens: ArraySlice<DueToken>
    let before: DueToken?
    let beforeThat: DueToken?

    subscript(k: Int) -> DueToken? {
        let j = tokens.startIndex + k
        return j < tokens.endIndex ? tokens[j] : nil
    }

    func glued(_ k: Int) -> DueToken.Kind? { self[k].flatMap { $0.spaced ? nil : $0.kind } }
    func spaced(_ k: Int) -> DueToken.Kind? { self[k].flatMap { $0.spaced ? $0.kind : nil } }

    static func number(_ kind: DueToken.Kind?, _ digits: ClosedRange<Int>) -> Int? {
        if case .number(let value, let count)? = kind, digits.contains(count) { return value }
        return nil
    }

    static func year4(_ value: Int) -> Int? { (1900...2199).contains(value) ? value : nil }

    /// A date may not continue a word or number (`Q3`, `c2019`, the `21` of `2019-21`).
    var startsCleanly: Bool {
        guard let first = self[0], !first.spaced, let previous = before else { return true }
        switch previous.kind {
        case .number, .word, .other: return false
        case .symbol(.slash), .symbol(.dash), .symbol(.dot):
            if !previous.spaced, case .number? = beforeThat?.kind { return false }
            return true
        case .symbol: return true
        }
    }

    /// Nor may one run on into more of the same (`2019s`, `2012/13/14`).
    func endsCleanly(at k: Int) -> Bool {
        guard let next = glued(k) else { return true }
        switch next {
        case .number, .word, .other: return false
        case .symbol(.slash), .symbol(.dash), .symbol(.dot):
            if case .number? = glued(k + 1) { return false }
            return true
        case .symbol: return true
        }
    }

    func finish(_ period: DuePeriod?, _ length: Int) -> DueMatch? {
        guard endsCleanly(at: length) else { return nil }
        return period.map { .period($0) } ?? .impossible(consumed: length)
    }

    /// `2019/20`, `2019-20`, `2019/2020`, `19/20` → (first year, tokens). A nil year means a
    /// year pair that is no financial year (`2021-2023`). Bare two-digit pairs need a slash:
    /// `16-19` is an age range.
    func financialYear(at k: Int, relaxed: Bool) -> (Int?, Int)? {
        guard case .number(let a, let aDigits)? = self[k]?.kind, aDigits == 2 || aDigits == 4,
            case .symbol(let separator)? = glued(k + 1), separator == .slash || separator == .dash,
            case .number(let b, let bDigits)? = glued(k + 2), bDigits == 2 || bDigits == aDigits
        else { return nil }
        if aDigits == 2, !relaxed, separator != .slash { return nil }
        let first = aDigits == 2 ? 2000 + a : a
        let consecutive = bDigits == 4 ? b == first + 1 : b == (first + 1) % 100
        if consecutive { return (aDigits == 2 ? first : Self.year4(first), 3) }
        return aDigits == 4 ? (nil, 3) : nil
    }

    /// The year after a month or season name: ` 2019`, ` '19`, `-19`, `-2019` → (year, tokens).
    func namedYear(at k: Int) -> (Int?, Int)? {
        if let year = Self.number(spaced(k), 4...4) { return (Self.year4(year), 1) }
        if self[k]?.kind == .symbol(.apostrophe), let year = Self.number(glued(k + 1), 2...2) {
            return (2000 + year, 2)
        }
        guard glued(k) == .symbol(.dash), case .number(let year, let digits)? = glued(k + 1) else { return nil }
        if digits == 2 { return (2000 + year, 2) }
        return digits == 4 ? (Self.year4(year), 2) : nil
    }
}

/// Builds the period a form names; nil for impossible dates.
enum DueSpan {
    static func day(_ year: Int?, _ month: Int, _ day: Int) -> DuePeriod? {
        guard let year, let date = Day(year: year, month: month, day: day) else { return nil }
        return DuePeriod(start: date, end: date)
    }

    /// `count` whole months from `month` of `year`, rolling past December into the next year.
    static func months(_ year: Int?, _ month: Int, _ count: Int) -> DuePeriod? {
        guard let year, let start = Day(year: year, month: month, day: 1) else { return nil }
        let last = month + count - 1
        return DuePeriod(start: start, end: Day.endOf(month: (last - 1) % 12 + 1, year: year + (last - 1) / 12))
    }
}
