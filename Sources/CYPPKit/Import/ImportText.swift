/// Small text repairs every layout needs: rejoining text a page break cut, casing a
/// shouted title, recognising group headings.
enum ImportText {
    /// `a` then `b` as one text, as if the page break were not there: a space between them,
    /// none after a word-break hyphen (`needs-` + `led basis`).
    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        if a.hasSuffix("-"), !a.hasSuffix(" -"), b.first?.isLowercase == true { return a + b }
        return a + " " + b
    }

    private static let smallWords: Set<String> = ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]

    /// `SOUTHEND CHILDREN AND YOUNG PEOPLE'S PLAN` → `Southend Children and Young People's Plan`.
    /// Text with any lower-case letter is returned unchanged.
    static func titleCased(_ text: String) -> String {
        guard isShouted(text) else { return text }
        var out: [String] = []
        for (i, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let lower = word.lowercased()
            if i > 0, smallWords.contains(lower) {
                out.append(lower)
            } else {
                out.append(lower.prefix(1).uppercased() + lower.dropFirst())
            }
        }
        return out.joined(separator: " ")
    }

    static func isShouted(_ text: String) -> Bool {
        text.contains { $0.isLetter } && !text.contains { $0.isLowercase }
    }

    /// `**Bold**`, `*italic*` → the text inside, as a plain-text plan wants it.
    static func withoutEmphasis(_ text: String) -> String {
        var t = Substring(text.trimmingWhitespace())
        while t.hasPrefix("*") { t = t.dropFirst() }
        while t.hasSuffix("*") { t = t.dropLast() }
        return String(t.trimmingWhitespace()).replacingAll("**", with: "")
    }

    private static let groupKeywords = ["outcome", "priority", "pillar", "area of focus", "theme"]

    /// `OUTCOME 1: Best start`, `Priority Six: Work with …`, `# Priority Three: …` → ref and
    /// title; nil unless the line starts with a group keyword and a number.
    static func groupHeading(_ line: String) -> (ref: String, title: String)? {
        var text = Substring(line.trimmingWhitespace())
        while text.hasPrefix("#") { text = text.dropFirst() }
        let heading = withoutEmphasis(String(text))
        let lower = heading.lowercased()
        guard groupKeywords.contains(where: { lower.hasPrefix($0 + " ") }) else { return nil }
        let parsed = OutcomeHeading.parse(heading, fallbackRef: "")
        guard !parsed.ref.isEmpty, parsed.title != heading.collapsingWhitespace() else { return nil }
        return (parsed.ref, parsed.title)
    }

    /// `2018 – 2020`, `2021-2023`, `2012-13` in a title → `2018–2020` (en dash), for `period:`.
    /// The last range wins: an annual update names the year it covers last.
    static func period(in title: String) -> String? {
        let chars = Array(title)
        var found: String?
        var i = 0
        while i + 4 <= chars.count {
            guard let first = digits(chars, at: i, count: 4), i + 4 == chars.count || !chars[i + 4].isNumber,
                i == 0 || !chars[i - 1].isNumber
            else { i += 1; continue }
            var j = i + 4
            while j < chars.count, chars[j] == " " { j += 1 }
            guard j < chars.count, "-–—/".contains(chars[j]) else { i += 4; continue }
            j += 1
            while j < chars.count, chars[j] == " " { j += 1 }
            if let second = digits(chars, at: j, count: 4) {
                found = "\(first)–\(second)"
                i = j + 4
            } else if let second = digits(chars, at: j, count: 2), j + 2 == chars.count || !chars[j + 2].isNumber {
                found = "\(first)–\(second)"
                i = j + 2
            } else {
                i = j
            }
        }
        return found
    }

    private static func digits(_ chars: [Character], at i: Int, count: Int) -> String? {
        guard i + count <= chars.count else { return nil }
        let s = chars[i..<(i + count)]
        return s.allSatisfy { $0.isASCII && $0.isNumber } ? String(s) : nil
    }
}
