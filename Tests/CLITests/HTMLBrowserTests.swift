import Foundation
import Testing

/// The HTML report in a real browser (headless Chromium): what it renders, that plan text
/// stays text, and that it prints on A4 with a page per outcome.
@Suite("cyppctl report --format html, in Chromium")
struct HTMLBrowserTests {
    /// Writes the report of `plans` (a file or folder) as of the fixture's day; returns its path.
    static func render(_ plans: String, to folder: URL) throws -> String {
        let out = folder.appendingPathComponent("report.html").path
        let r = try Run.cyppctl(
            "report", "--format", "html", "--out", out, "--as-of", "2025-06-30", "--since", "2025-06-01", plans)
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cypp-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theBrowserShowsTheFiguresBarsAndEscapedText() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dom = try Chromium.run(["--dump-dom"], file: try Self.render(Run.fixture("report"), to: folder))
        #expect(dom.contains("<h1>Progress report: 2 plans</h1>"))
        for (figure, value) in [
            ("actions", "14"), ("complete", "21%"), ("overdue", "4"), ("due-soon", "2"), ("unrated", "2"),
            ("exceptions", "7"),
        ] {
            #expect(dom.contains("data-figure=\"\(figure)\"><span class=\"num\">\(value)</span>"), "\(figure)")
        }
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 12)
        #expect(dom.contains("<rect class=\"seg red\""))
        #expect(dom.contains("<text x=\"") && dom.contains(">Green 4</text>"))
        // The narrative's <script> is text in the DOM, not an element.
        #expect(dom.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; Funding gap"))
        #expect(!dom.lowercased().contains("<script"))
    }

    @Test func planTextCannotRunScriptsInTheBrowser() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Control: in this setup the browser does run a page's scripts and handlers.
        let control = folder.appendingPathComponent("control.html").path
        try "<!DOCTYPE html><html><body><img src=\"x\" onerror=\"document.body.setAttribute('data-pwned','1')\"></body></html>"
            .write(toFile: control, atomically: true, encoding: .utf8)
        let controlDOM = try Chromium.run(["--dump-dom", "--virtual-time-budget=3000"], file: control)
        #expect(controlDOM.contains("<body data-pwned=\"1\">"))

        let plan = folder.appendingPathComponent("hostile.md").path
        try """
        # <script>document.body.setAttribute('data-pwned','1')</script>Hostile

        ## 1. <img src=x onerror="document.body.setAttribute('data-pwned','1')">

        | Ref | Action | Owner | Progress | Narrative |
        |---|---|---|---|---|
        | 1.1 | <img src=x onerror="document.body.setAttribute('data-pwned','1')"> | "><svg onload="document.body.setAttribute('data-pwned','1')"> | Red | </textarea><script>document.body.setAttribute('data-pwned','1')</script> |
        """.write(toFile: plan, atomically: true, encoding: .utf8)
        let dom = try Chromium.run(["--dump-dom", "--virtual-time-budget=3000"], file: try Self.render(plan, to: folder))
        #expect(dom.contains("<body>"))
        #expect(!dom.contains("data-pwned=\"1\">"))
        #expect(!dom.lowercased().contains("<script") && !dom.contains("<img") && !dom.contains("<svg onload"))
        #expect(dom.contains("&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"&gt;"))
    }

    @Test func itPrintsOnA4WithAPagePerOutcome() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Eight one-action outcomes: together they would fit on two pages, so eight or more
        // pages after the summary can only come from a page break before each outcome.
        let plan = folder.appendingPathComponent("eight.md").path
        var text = "# Eight outcomes\n"
        for n in 1...8 {
            text +=
                "\n## \(n). Outcome \(n)\n\n| Ref | Action | Due Date | Progress |\n|---|---|---|---|\n| \(n).1 | Act \(n) | March 2025 | Green |\n"
        }
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("report.pdf").path
        _ = try Chromium.run(["--print-to-pdf=\(pdf)", "--no-pdf-header-footer"], file: try Self.render(plan, to: folder))
        let data = try #require(FileManager.default.contents(atPath: pdf), "chromium printed no PDF")
        let body = String(decoding: data, as: UTF8.self)
        #expect(body.hasPrefix("%PDF-"))
        let pages = body.components(separatedBy: "/Type /Page").count - body.components(separatedBy: "/Type /Pages").count
        #expect(pages >= 1 + 8 && pages <= 14, "\(pages) pages")
        let boxes = Set(body.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix { $0 != "]" } })
        #expect(boxes.count == 1)
        let size = boxes.first.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        #expect(size.count == 4 && abs(size[2] - 595.3) < 1.5 && abs(size[3] - 841.9) < 1.5, "A4 is 595 × 842 points: \(size)")
    }
}
