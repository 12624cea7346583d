import Foundation
import Testing

@testable import CYPPKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every headline figure of the one fixture, found in every format.
@Suite("Report formats: the same figures everywhere")
struct ReportFormatTests {
    static let labels: [String: String] = [
        "actions": "Actions", "overdue": "Overdue", "unrated": "Unrated", "exceptions": "Exceptions",
        "overdueMilestones": "Overdue milestones", "unratedPastDue": "Unrated past due",
    ]

    /// A line's words with runs of spaces collapsed, so alignment does not matter.
    static func words(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " }).joined(separator: " ") }
    }

    @Test func json() throws {
        let report = try ReportFixture.report()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8)) as? [String: Any])
        #expect(
            Set(root.keys) == [
                "schema", "title", "board", "asOf", "horizonDays", "horizonEnd", "since", "figures", "plans",
                "outcomes", "actions", "exceptions", "owners", "changes",
            ])
        #expect(root["schema"] as? String == "cyppctl-report/1")
        #expect(
            root["asOf"] as? String == "2025-06-30" && root["since"] as? String == "2025-06-01"
                && root["horizonDays"] as? Int == 90)
        let figures = try #require(root["figures"] as? [String: Any])
        for (name, count) in ReportFixture.headline where name != "complete" {
            #expect(figures[name] as? Int == count, "\(name)")
        }
        #expect(figures["complete"] as? [String: Int] == ["count": 3, "percent": ReportFixture.percentComplete])
        let progress = try #require(figures["progress"] as? [String: [String: Int]])
        let impact = try #require(figures["impact"] as? [String: [String: Int]])
        for row in ReportFixture.ratings {
            let key = row.rating?.rawValue ?? "unrated"
            #expect(progress[key] == ["count": row.progress, "percent": row.progressPercent], "\(key)")
            #expect(impact[key] == ["count": row.impact, "percent": row.impactPercent], "\(key)")
        }
        let actions = try #require(root["actions"] as? [[String: Any]])
        #expect(
            actions.map { "\($0["planLabel"] ?? "") \($0["ref"] ?? "") \($0["status"] ?? "")" }
                == ReportFixture.statuses.map { "\($0.plan) \($0.ref) \($0.status)" })
        let exceptions = try #require(root["exceptions"] as? [[String: Any]])
        #expect(exceptions.count == 7)
        let changes = try #require(root["changes"] as? [String: Any])
        #expect(changes["state"] as? String == "ready")
        #expect(
            (changes["changes"] as? [[String: Any]])?.map { $0["direction"] as? String } == ["down", "down", "up", "aside", "up"])
        #expect((changes["stale"] as? [[String: Any]])?.count == 3)
    }

    @Test func text() throws {
        let lines = Self.words(TextReport().render(try ReportFixture.report()))
        #expect(lines.contains("Actions 14"))
        #expect(lines.contains("Complete (Blue) 3 21%"))
        #expect(lines.contains("Overdue 4 + 1 milestone overdue"))
        #expect(lines.contains("Due within 90 days 2"))
        #expect(lines.contains("Unrated 2 1 past due"))
        #expect(lines.contains("Exceptions 7"))
        for row in ReportFixture.ratings {
            let name = row.rating?.rawValue ?? "Unrated"
            #expect(
                lines.contains("\(name) \(row.progress) \(row.progressPercent)% \(row.impact) \(row.impactPercent)%"), "\(name)")
        }
        #expect(lines.contains("EXCEPTIONS (7)"))
    }

    @Test func colourAddsEscapeCodesAndChangesNothingElse() throws {
        let report = try ReportFixture.report()
        let coloured = TextReport(colour: true).render(report)
        var stripped = ""
        var inEscape = false
        for u in coloured.unicodeScalars {
            if u == "\u{1B}" {
                inEscape = true
                continue
            }
            if inEscape {
                if u == "m" { inEscape = false }
                continue
            }
            stripped.unicodeScalars.append(u)
        }
        // Bars are coloured blocks instead of letters; every other character is the same.
        let plain = TextReport().render(report).split(separator: "\n", omittingEmptySubsequences: false)
        let lines = stripped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == plain.count)
        for (a, b) in zip(lines, plain) {
            #expect(a.contains("█") || a.contains("░") ? a.count == b.count : a == b, "\(a)")
        }
        #expect(coloured.contains("\u{1B}[31mRed\u{1B}[0m") && coloured.contains("\u{1B}[34m"))
    }

    @Test func markdown() throws {
        let md = MarkdownReport.render(try ReportFixture.report())
        for (name, count) in ReportFixture.headline {
            guard let label = Self.labels[name] else { continue }
            #expect(md.contains("| \(label) | \(count) |"), "\(label)")
        }
        #expect(md.contains("| Complete (Blue) | 3 | 21% |"))
        #expect(md.contains("| Due within 90 days | 2 |"))
        for row in ReportFixture.ratings {
            let name = row.rating?.rawValue ?? "Unrated"
            #expect(
                md.contains("| \(name) | \(row.progress) | \(row.progressPercent)% | \(row.impact) | \(row.impactPercent)% |"))
        }
        #expect(md.contains("## Exceptions (7)"))
    }

    @Test func html() throws {
        let page = try HTMLPage(HTMLReport.render(try ReportFixture.report()))
        #expect(
            page.cards == [
                "actions": "14", "complete": "21%", "overdue": "4", "due-soon": "2", "unrated": "2", "exceptions": "7",
            ])
        for row in ReportFixture.ratings {
            let key = row.rating?.rawValue.lowercased() ?? "unrated"
            #expect(
                page.ratingRows[key] == ["\(row.progress)", "\(row.progressPercent)%", "\(row.impact)", "\(row.impactPercent)%"],
                "\(key)")
        }
        #expect(page.headings.contains("Exceptions (7)"))
        #expect(page.svgCount == 2 + 2 + 4 + 4)  // headline Progress and Impact, 2 plans, 4 outcomes twice
    }

    @Test func theReadmeDocumentsEveryCSVColumnAndFigure() throws {
        let readme = try String(contentsOfFile: Repo.path("README.md"), encoding: .utf8)
        for column in CSVReport.columns { #expect(readme.contains("`\(column)`"), "\(column)") }
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReport.render(try ReportFixture.report()).utf8)) as? [String: Any])
        for key in (root["figures"] as? [String: Any] ?? [:]).keys { #expect(readme.contains("\"\(key)\""), "\(key)") }
        for key in root.keys { #expect(readme.contains("\"\(key)\""), "\(key)") }
    }

    @Test func csv() throws {
        let csv = CSVReport.render(try ReportFixture.report())
        let records = CSVText.rows(csv)
        let header = try #require(records.first)
        #expect(header == CSVReport.columns)
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        func count(_ column: String, _ value: String) -> Int { rows.filter { $0[column] == value }.count }
        #expect(rows.count == 14)
        #expect(count("status", "complete") == 3 && count("status", "overdue") == 4 && count("status", "due-soon") == 2)
        #expect(count("status", "later") == 3 && count("status", "no-deadline") == 2)
        #expect(rows.filter { !($0["exception"] ?? "").isEmpty }.count == 7)
        #expect(rows.filter { ($0["exception"] ?? "").contains("unrated past due") }.count == 1)
        #expect(rows.filter { !($0["overdue_milestones"] ?? "").isEmpty }.count == 1)
        for row in ReportFixture.ratings {
            #expect(count("progress", row.rating?.rawValue ?? "") == row.progress)
            #expect(count("impact", row.rating?.rawValue ?? "") == row.impact)
        }
    }
}

/// What the tests read back from the HTML: parsing it as XML also proves it is well formed.
struct HTMLPage {
    var cards: [String: String] = [:]
    var ratingRows: [String: [String]] = [:]
    var headings: [String] = []
    var svgCount = 0
    var text = ""

    init(_ html: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw HTMLError(message: "not well formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        (cards, ratingRows, headings, svgCount, text) = (
            collector.cards, collector.ratingRows, collector.headings, collector.svgs, collector.text
        )
    }

    struct HTMLError: Error { let message: String }

    private final class Collector: NSObject, XMLParserDelegate {
        var cards: [String: String] = [:]
        var ratingRows: [String: [String]] = [:]
        var headings: [String] = []
        var svgs = 0
        var text = ""
        private var card: String?
        private var inNumber = false
        private var row: String?
        private var cell: String?
        private var heading: String?

        func parser(
            _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if let f = attributes["data-figure"] { card = f }
            if card != nil, attributes["class"] == "num" {
                inNumber = true
                cards[card ?? ""] = ""
            }
            if name == "tr", let r = attributes["data-rating"] {
                row = r
                ratingRows[r] = []
            }
            if row != nil, name == "td", attributes["class"] == "n" { cell = "" }
            if name == "h2" { heading = "" }
            if name == "svg" { svgs += 1 }
        }

        func parser(_ p: XMLParser, foundCharacters s: String) {
            text += s
            if inNumber, let c = card { cards[c, default: ""] += s }
            if cell != nil { cell? += s }
            if heading != nil { heading? += s }
        }

        func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "span", inNumber {
                inNumber = false
                card = nil
            }
            if name == "td", let c = cell, let r = row {
                ratingRows[r, default: []].append(c)
                cell = nil
            }
            if name == "tr" { row = nil }
            if name == "h2", let h = heading {
                headings.append(h)
                heading = nil
            }
        }
    }
}
