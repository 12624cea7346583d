import Foundation
import Testing

@testable import CYPPKit

/// Plan text is data, never markup or a formula, in every format.
@Suite("Report formats: plan text is escaped")
struct ReportSafetyTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a & b", "a &amp; b"),
        ("say \"hi\"", "say &quot;hi&quot;"),
        ("it's", "it&#39;s"),
        ("x\u{1B}[31my\u{0}z\u{85}", "x[31myz"),
        ("line\r\nbreak", "line\nbreak"),
        ("&amp;", "&amp;amp;"),
        ("Ünïcødé – ok", "Ünïcødé – ok"),
    ])
    func htmlEscapeCoversTextAndAttributes(input: String, escaped: String) {
        #expect(HTMLEscape.escape(input) == escaped)
    }

    /// A plan whose file name, title, owner, refs and narrative all try to break out.
    static func hostileReport() throws -> Report {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cypp-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("we\"ird<plan>.md").path
        try """
        # Plan "<b>bold</b>" & co

        ## 1. Outcome <i>one</i>

        | Ref | Action | Owner | Due Date | Progress | Impact | Narrative |
        |---|---|---|---|---|---|---|
        | 1.1 | Act <img src=x onerror="document.title='pwned'"> | =cmd\\|' /C calc'!A0 | March 2025 | Red | Red | <script>alert("x")</script> \\| and "quotes" 'too' |
        | 1.2 | +SUM(1,2) | @owner | 2025 | Amber |  | -2+3 |
        """.write(toFile: plan, atomically: true, encoding: .utf8)
        // With a second plan the report is a portfolio, so the file name also reaches attributes.
        let portfolio = try PlanLoader.load([plan, Repo.fixture("report/beta.csv")])
        #expect(!portfolio.diagnostics.hasErrors, "\(portfolio.diagnostics)")
        return Report(portfolio: portfolio, options: .init(asOf: ReportFixture.asOf))
    }

    @Test func htmlShowsScriptsAsTextAndEscapesAttributes() throws {
        let html = HTMLReport.render(try Self.hostileReport())
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<i>one"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;"))
        // The file name reaches attribute values (aria-label) escaped, quotes included.
        #expect(html.contains("aria-label=\"Progress, we&quot;ird&lt;plan&gt;:"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        let page = try HTMLPage(html)
        #expect(page.text.contains("<script>alert(\"x\")</script>"))
    }

    @Test func everyReportIsSelfContained() throws {
        let html = HTMLReport.render(try ReportFixture.report())
        for external in ["href=\"http", "src=", "<link", "@import", "url(", "<iframe", "<object", "<embed", "<script"] {
            #expect(!html.contains(external), "\(external)")
        }
    }

    @Test func markdownCellsCannotBreakTheTableOrBecomeHTML() throws {
        let md = MarkdownReport.render(try Self.hostileReport())
        #expect(!md.contains("<script") && !md.contains("<img"))
        #expect(md.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; \\| and"))
        for line in md.split(separator: "\n") where line.hasPrefix("| 1.1 ") {
            let unescapedPipes = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(unescapedPipes == 9, "\(line)")  // 8 cells
        }
    }

    @Test func csvNeutralisesFormulas() throws {
        let csv = CSVReport.render(try Self.hostileReport())
        #expect(csv.contains(",'+SUM(1,2)") || csv.contains(",\"'+SUM(1,2)\""))
        #expect(csv.contains("'@owner"))
        #expect(csv.contains("'-2+3"))
        #expect(csv.contains("'=cmd|' /C calc'!A0"))
        let fixture = CSVReport.render(try ReportFixture.report())
        #expect(fixture.contains("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\""))
    }

    @Test func textHasNoControlCharactersUnlessColourIsAsked() throws {
        let (plan, _) = PlanLoader.parse(
            SourceText(
                "p.md",
                "# P\n## 1. O\n| Ref | Action | Narrative | Progress |\n|---|---|---|---|\n| 1 | A\u{1B}]0;owned\u{7} | x\u{1B}[2J | Red |\n"
            ))
        let report = Report(portfolio: Portfolio(plans: [plan]), options: .init(asOf: ReportFixture.asOf))
        let plain = TextReport().render(report)
        #expect(!plain.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let coloured = TextReport(colour: true).render(report)
        #expect(coloured.contains("\u{1B}[31mRed\u{1B}[0m"))
        #expect(!coloured.contains("\u{1B}]0;") && !coloured.contains("\u{1B}[2J"))
    }
}
