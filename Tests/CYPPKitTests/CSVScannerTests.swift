import Testing
@testable import CYPPKit

@Suite("CSV scanner (RFC 4180)")
struct CSVScannerTests {
    static func records(_ text: String) -> ([[String]], [CSVProblem]) {
        let bytes = Array(text.utf8)
        let problems = bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            while scanner.next() != nil {}
            return scanner.problems
        }
        return (CSVText.rows(text), problems)
    }

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", [["a", "b", "c"], ["1", "2", "3"]]),
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("\"x, y\",z\n", [["x, y", "z"]]),
        ("\"say \"\"hi\"\"\",2\n", [["say \"hi\"", "2"]]),
        ("\"line one\nline two\",3\n", [["line one\nline two", "3"]]),
        ("\"crlf\r\ninside\",3\r\n", [["crlf\r\ninside", "3"]]),
        ("a,,c\n", [["a", "", "c"]]),
        ("a,b,\n", [["a", "b", ""]]),
        ("a,b,", [["a", "b", ""]]),
        ("\u{FEFF}Ref,Action\n", [["Ref", "Action"]]),
        ("a\rb\r", [["a"], ["b"]]),
        ("é,ü\n", [["é", "ü"]]),
        ("\"\"\n", [[""]]),
    ])
    func parsesRecords(input: String, expected: [[String]]) {
        let (got, problems) = Self.records(input)
        #expect(got == expected)
        #expect(problems.isEmpty)
    }

    @Test func unterminatedQuoteReadsToEndAndReportsWhereItOpened() {
        let (got, problems) = Self.records("a,b\n1,\"open\n2,3\n")
        #expect(got == [["a", "b"], ["1", "open\n2,3\n"]])
        #expect(problems == [CSVProblem(kind: .unterminatedQuote, line: 2, offset: 6, lineStart: 4)])
    }

    @Test func strayQuotesAreKeptAsTextWithAProblem() {
        let (got, problems) = Self.records("ab\"c,\"d\"e\n")
        #expect(got == [["ab\"c", "de"]])
        #expect(problems.map(\.kind) == [.quoteInUnquotedField, .quoteInUnquotedField])
    }

    @Test func fieldRangesCoverQuotesAndLinesFollowEmbeddedNewlines() {
        let bytes = Array("h1,h2\n\"a\nb\",c\nd,e\n".utf8)
        let (second, third) = bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            _ = scanner.next()
            return (scanner.next(), scanner.next())
        }
        #expect(second?.fields[0].range == 6..<11)
        #expect(second?.line == 2)
        #expect(second?.fields[1].line == 3)
        #expect(third?.line == 4)
    }
}
