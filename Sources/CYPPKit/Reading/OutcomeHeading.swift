/// Splits an outcome heading into ref and title: `Outcome 1: Best start`,
/// `Priority One: Leadership …`, `3. Safe`, `Pillar 2 – Health`. Without a number the
/// caller's position-based ref is used.
public enum OutcomeHeading {
    private static let keywords = ["outcome", "priority", "pillar", "area of focus", "theme", "aim", "objective"]
    /// Each keyword and the space after it, and the most characters one takes.
    private static let spacedKeywords = keywords.map { $0 + " " }
    private static let keywordLength = spacedKeywords.map(\.count).max() ?? 0
    private static let numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                      "seventeen", "eighteen", "nineteen", "twenty"]

    public static func parse(_ heading: String, fallbackRef: String) -> (ref: String, title: String) {
        // Collapsed once: it is also the title when no number is found.
        let collapsed = heading.collapsingWhitespace()
        return numbered(collapsed: collapsed) ?? (fallbackRef, collapsed)
    }

    /// The heading's own ref and title; nil when it has no number, and its ref must come from
    /// its position.
    public static func numbered(_ heading: String) -> (ref: String, title: String)? {
        numbered(collapsed: heading.collapsingWhitespace())
    }

    /// `numbered` of a heading whose spacing is collapsed already, which is also the title when
    /// the number is followed by nothing.
    static func numbered(collapsed: String) -> (ref: String, title: String)? {
        var rest = Substring(collapsed)
        // Only the characters a keyword could take are lowercased: the whole heading, lowercased
        // and then searched for each keyword, cost some 30,000 instructions a heading.
        let lower = rest.prefix(keywordLength).lowercased()
        var sawKeyword = false
        for (k, spaced) in zip(keywords, spacedKeywords) where lower.hasPrefix(spaced) {
            rest = rest.dropFirst(k.count + 1)
            sawKeyword = true
            break
        }
        guard let (ref, afterNumber) = number(at: rest) else { return nil }
        var title = afterNumber.drop { $0 == " " }
        let hasSeparator = title.first.map(isSeparator) ?? false
        // "2019 Review" is a title, not outcome 2019: a bare number needs a keyword or a separator.
        if !sawKeyword && !hasSeparator { return nil }
        if hasSeparator { title = title.dropFirst().drop { $0 == " " } }
        return (ref, title.isEmpty ? collapsed : String(title))
    }

    /// What may follow the number: `1:`, `1.`, `1 -`, `1 –`, `1 —`, `1)`. (A switch, not a
    /// set: building a `Set<Character>` for each heading cost more than reading it.)
    private static func isSeparator(_ c: Character) -> Bool {
        switch c {
        case ":", ".", "-", "–", "—", ")": true
        default: false
        }
    }

    /// `1`, `1.2`, or a number word; returns the ref and the text after it.
    private static func number(at s: Substring) -> (String, Substring)? {
        let digits = s.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let trimmed = digits.hasSuffix(".") ? digits.dropLast() : digits
        if let first = trimmed.first, first.isNumber, trimmed.count <= 12 {
            return (String(trimmed), s.dropFirst(trimmed.count))
        }
        let word = s.prefix { $0.isLetter }.lowercased()
        if let i = numberWords.firstIndex(of: word) {
            return (String(i + 1), s.dropFirst(word.count))
        }
        return nil
    }
}
