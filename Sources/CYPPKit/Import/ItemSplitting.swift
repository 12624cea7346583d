/// Splits text that extraction ran together back into the items it held. Each rule is
/// conservative: when in doubt the text stays whole, and the reader keeps it as written.
enum ItemSplitting {
    /// `April 2012 May 2012 March 2013`: two or more month (or season) dates and nothing else.
    /// Returns nil for anything else, including one date or dates among words.
    static func dates(_ text: String) -> [String]? {
        let words = text.split(separator: " ")
        guard words.count >= 4, words.count.isMultiple(of: 2) else { return nil }
        var dates: [String] = []
        var i = 0
        while i + 1 < words.count {
            let name = words[i], year = words[i + 1]
            guard name.allSatisfy(\.isLetter), year.count == 4, year.allSatisfy(\.isNumber) else { return nil }
            let date = "\(name) \(year)"
            // The name must narrow the year (`April 2012`), not be a word beside it (`Blue 2012`).
            guard let period = DueDateParser.parse(date).period, period != DueDateParser.parse(String(year)).period else { return nil }
            dates.append(date)
            i += 2
        }
        return dates
    }

    /// Sentences: split after `.`, `?` or `!` when a capital letter follows.
    static func sentences(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var out: [String] = []
        var current: [String] = []
        for (i, w) in words.enumerated() {
            current.append(w)
            let next = i + 1 < words.count ? words[i + 1] : nil
            if let last = w.last, ".?!".contains(last), let n = next?.first, n.isUppercase {
                out.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    /// Words that start an item of a plan's list: the imperative verbs (and a few adverbs)
    /// action plans open with. Splitting before them recovers lists whose bullets were lost.
    private static let itemStarts: Set<String> = [
        "Address", "Agree", "Analyse", "Appoint", "Build", "Collate", "Commission", "Complete", "Consult",
        "Continue", "Create", "Deliver", "Develop", "Embed", "Encourage", "Ensure", "Establish", "Evaluate",
        "Expand", "Extend", "Fully", "Identify", "Implement", "Improve", "Increase", "Integrate", "Introduce",
        "Maintain", "Monitor", "Produce", "Promote", "Provide", "Publish", "Put", "Raise", "Realign",
        "Rationalise", "Reduce", "Refresh", "Review", "Secure", "Seek", "Share", "Strengthen", "Support",
        "Undertake", "Update", "Work",
    ]

    /// Words after which a verb is part of the phrase, not a new item (`to Develop`, `& Support`).
    private static let connectors: Set<String> = ["and", "or", "to", "of", "the", "for", "a", "an", "&", "with", "by", "in"]

    /// A `<ul>` whose bullets were lost: split before a capitalised item verb that follows a
    /// word (not a connector) and is followed by a lower-case word, an acronym or `&`
    /// (`… Munro Develop local MASH …`), and after a full stop followed by a capital.
    static func runOnList(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var out: [String] = []
        var current: [String] = []
        for (i, w) in words.enumerated() {
            if !current.isEmpty, i > 0, startsItem(at: i, words) {
                out.append(current.joined(separator: " "))
                current = []
            }
            current.append(w)
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    private static func startsItem(at i: Int, _ words: [String]) -> Bool {
        let word = words[i], previous = words[i - 1]
        guard let first = word.first, first.isUppercase else { return false }
        if previous.hasSuffix("."), previous.count > 2 { return true }
        guard itemStarts.contains(word), !connectors.contains(previous.lowercased()),
            !previous.hasSuffix(","), !previous.hasSuffix("&"), i + 1 < words.count
        else { return false }
        let next = words[i + 1]
        let isAcronym = next.count >= 2 && next.allSatisfy { $0.isUppercase || $0 == "&" }
        return next == "&" || next.first?.isLowercase == true || isAcronym
    }
}
