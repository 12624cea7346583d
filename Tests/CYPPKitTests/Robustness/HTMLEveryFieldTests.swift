import Foundation
import Testing

@testable import CYPPKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML report with every field of the model hostile: it must still be well-formed XML,
/// with only the report's own elements and attributes (no element, attribute or event handler
/// from a plan), and every marker it shows must come out as the literal text it was.
@Suite("Report formats: every plan string escaped")
struct HTMLEveryFieldTests {
    /// Fields the board paper shows (start dates, extras, sections and the rest it does not
    /// print; they are never raw either). A renderer that starts printing another field is
    /// checked the same way, by the raw-markup test over all of them.
    static let shown: Set<Int> = [1, 2, 3, 9, 12, 13, 14, 16, 20, 21, 23, 24, 25, 27, 28, 30, 40, 42, 44, 45, 46]
    static let shownInMarkdown: Set<Int> = [1, 3, 9, 12, 13, 14, 16, 23, 24, 25, 30, 40, 42, 44, 45, 46]

    @Test func htmlHasEveryFieldAsTextNeverMarkup() throws {
        let hostile = try HostilePortfolio()
        #expect(!hostile.portfolio.diagnostics.hasErrors, "\(hostile.portfolio.diagnostics)")
        let html = HTMLReport.render(hostile.report)
        let page = try XMLShape(html)
        #expect(page.elements.isSubset(of: XMLShape.reportElements), "\(page.elements.subtracting(XMLShape.reportElements))")
        #expect(!page.attributes.contains { $0.hasPrefix("on") || $0 == "a" || $0 == "b" || $0 == "src" }, "\(page.attributes)")
        // Links only within the page.
        #expect(page.links.allSatisfy { $0.hasPrefix("#") }, "\(page.links)")
        var found: Set<Int> = []
        for n in HostilePortfolio.fields.keys {
            // Raw, the marker would open an element <mN …> (and the parse above would have seen it).
            #expect(!html.contains("<m\(n) "), "field \(n) (\(HostilePortfolio.fields[n] ?? "")) is raw markup")
            let marker = HostilePortfolio.marker(n)
            if page.text.contains(marker) || page.attributeValues.contains(where: { $0.contains(marker) }) { found.insert(n) }
        }
        #expect(found.isSuperset(of: Self.shown), "not shown as text: \(Self.shown.subtracting(found).sorted())")
    }

    @Test func markdownEscapesEveryField() throws {
        let md = MarkdownReport.render(try HostilePortfolio().report)
        for n in HostilePortfolio.fields.keys { #expect(!md.contains("<m\(n) "), "field \(n) is raw HTML in the Markdown") }
        let found = Set(HostilePortfolio.fields.keys.filter { md.contains("&lt;m\($0) a=\"q\" b='s'&gt;&amp;amp;") })
        #expect(
            found.isSuperset(of: Self.shownInMarkdown), "not shown escaped: \(Self.shownInMarkdown.subtracting(found).sorted())")
    }

    @Test func jsonCarriesEveryFieldExactly() throws {
        let json = JSONReport.render(try HostilePortfolio().report)
        let strings = JSONStrings.all(in: try JSONSerialization.jsonObject(with: Data(json.utf8)))
        for n in Self.shown {
            #expect(strings.contains { $0.contains(HostilePortfolio.marker(n)) }, "field \(n) not in the JSON")
        }
    }
}

/// Every string value (and key) in a parsed JSON document.
enum JSONStrings {
    static func all(in value: Any) -> [String] {
        switch value {
        case let s as String: return [s]
        case let a as [Any]: return a.flatMap(all)
        case let o as [String: Any]: return o.keys.map { $0 } + o.values.flatMap(all)
        default: return []
        }
    }
}

/// An XHTML document's shape: the element and attribute names in it, its text and attribute values.
struct XMLShape {
    var elements: Set<String> = []
    var attributes: Set<String> = []
    var attributeValues: [String] = []
    var links: [String] = []
    var text = ""

    /// What the HTML report is made of.
    static let reportElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "main", "section", "footer", "nav", "h1", "h2", "h3", "h4",
        "p", "div", "span", "table", "thead", "tbody", "tr", "th", "td", "caption", "ul", "ol", "li", "dl", "dt", "dd",
        "small", "strong", "em", "br", "abbr", "svg", "g", "rect", "text", "title", "line", "path", "figure", "figcaption",
        "details", "summary", "colgroup", "col", "code", "time", "article", "aside", "b", "i", "sup", "sub", "hr", "a",
    ]

    init(_ html: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw ParseError(
                message: "not well formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        (elements, attributes, attributeValues, text) = (
            collector.elements, collector.attributes, collector.values, collector.text
        )
        links = collector.links
    }

    struct ParseError: Error { let message: String }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: Set<String> = []
        var attributes: Set<String> = []
        var values: [String] = []
        var links: [String] = []
        var text = ""

        func parser(
            _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.insert(name)
            for (k, v) in attributes {
                self.attributes.insert(k)
                values.append(v)
                if k == "href" || k == "src" || k == "xlink:href" { links.append(v) }
            }
        }

        func parser(_ p: XMLParser, foundCharacters s: String) { text += s }
    }
}
