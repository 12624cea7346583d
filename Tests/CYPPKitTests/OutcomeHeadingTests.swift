import Foundation
import Testing
@testable import CYPPKit

@Suite("Outcome headings")
struct OutcomeHeadingTests {
    @Test(arguments: [
        ("Outcome 1: Children are safe", "1", "Children are safe"),
        ("OUTCOME 4: Children and Young People are safe", "4", "Children and Young People are safe"),
        ("Priority One: Leadership will drive our ambition", "1", "Leadership will drive our ambition"),
        ("Priority Six: Work with children", "6", "Work with children"),
        ("3. Improve outcomes", "3", "Improve outcomes"),
        ("Pillar 2 – Health", "2", "Health"),
        ("Area of focus 5: Early help", "5", "Early help"),
        ("Excellent childcare, schools, colleges and services", "7", "Excellent childcare, schools, colleges and services"),
        ("2019 Review", "7", "2019 Review"),
    ])
    func splitsRefAndTitle(heading: String, ref: String, title: String) {
        let parsed = OutcomeHeading.parse(heading, fallbackRef: "7")
        #expect(parsed.ref == ref)
        #expect(parsed.title == title)
    }

    /// A CSV's outcome cell is collapsed for its name, and again when its heading is read: a
    /// tab before a joining mark collapses to a space and the mark, then to nothing, and the
    /// outcome keeps its number (it did before the cell was read by its bytes, and must still).
    @Test func aCSVOutcomeWithATabBeforeAJoiningMarkKeepsItsNumber() {
        let csv = "Outcome,Ref,Action,Due Date\n\"Theme\t\u{301}5: Safe\",1.1,Do it,March 2020\n"
        let (plan, _) = PlanLoader.parse(SourceText(path: "plans/t.csv", bytes: Array(csv.utf8)))
        #expect(plan.outcomes.first?.ref == "5")
        #expect(plan.outcomes.first?.title == "Safe")
    }
}

/// Only a heading's first characters are lowercased to look for a keyword: it must split as
/// the rule read on the whole heading lowercased (`reference`, the code before) does.
@Suite("Outcome headings lowercased only where a keyword can be")
struct OutcomeHeadingPrefixTests {
    /// Pieces a heading is made of: keywords in any case, numbers, number words, separators,
    /// spaces, letters, and characters whose lowercase is special or that join the one before.
    static let pieces = ["Outcome", "outcome", "OUTCOME", "Priority", "pillar", "Area of focus", "area", "of", "Theme",
                         "aim", "AIM", "Objective", " ", " ", "1", "12", "1.2", "3.", "1..", ".5", "2019", "1234567890123",
                         "One", "twelve", "TWENTY", "Twentyone", ":", ".", "-", "–", "—", ")", "(", "Safe", "x", "9a", "&",
                         "İ", "Σ", "ẞ", "K", "é", "e\u{301}", "\u{301}", "Ⅳ", "١", "“voice”", "zoë’s", "0–19s"]

    static func check(_ heading: String) {
        let new = OutcomeHeading.numbered(heading), old = reference(heading.collapsingWhitespace())
        #expect(new?.ref == old?.ref && new?.title == old?.title, "'\(heading)'")
    }

    @Test func generatedHeadingsSplitAsWhenLowercasedWhole() {
        var generator = SplitMix(seed: 7)  // seeded: a failure is the same on every run
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...6, using: &generator)
            Self.check((0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : ""))
        }
    }

    @Test func everyShortLineOfTheSeedsFixturesAndPlansSplitsAsWhenLowercasedWhole() throws {
        var headings = 0
        for path in Repo.files(under: "Tests/Fixtures", extensions: ["md", "txt", "csv"]) + Repo.files(under: "plans", extensions: ["md", "csv"]) {
            // A fixture that is deliberately not UTF-8 is read with its bad bytes replaced.
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("#") || line.count < 120 {
                Self.check(String(line.drop { $0 == "#" }))
                headings += 1
            }
        }
        #expect(headings > 1_000)
    }

    /// The rule as it was: the whole heading lowercased, each keyword and a space looked for.
    static func reference(_ collapsed: String) -> (ref: String, title: String)? {
        let keywords = ["outcome", "priority", "pillar", "area of focus", "theme", "aim", "objective"]
        let numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                           "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        var rest = Substring(collapsed)
        let lower = rest.lowercased()
        var sawKeyword = false
        for k in keywords where lower.hasPrefix(k + " ") {
            rest = rest.dropFirst(k.count + 1)
            sawKeyword = true
            break
        }
        let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let trimmed = digits.hasSuffix(".") ? digits.dropLast() : digits
        var found: (String, Substring)?
        if let first = trimmed.first, first.isNumber, trimmed.count <= 12 {
            found = (String(trimmed), rest.dropFirst(trimmed.count))
        } else {
            let word = rest.prefix { $0.isLetter }.lowercased()
            if let i = numberWords.firstIndex(of: word) { found = (String(i + 1), rest.dropFirst(word.count)) }
        }
        guard let (ref, afterNumber) = found else { return nil }
        var title = afterNumber.drop { $0 == " " }
        let hasSeparator = title.first.map { [":", ".", "-", "–", "—", ")"].contains($0) } ?? false
        if !sawKeyword && !hasSeparator { return nil }
        if hasSeparator { title = title.dropFirst().drop { $0 == " " } }
        return (ref, title.isEmpty ? collapsed : String(title))
    }
}
