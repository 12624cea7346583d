import Testing
@testable import CYPPKit

/// The assembler reads a CSV record where it lies: a cell's text, its bytes and whether it has
/// any are its field unquoted, unescaped and trimmed; a skipped column's cells only say whether
/// they have text; a cell is found by line and column in characters.
@Suite("CSV record read in place")
struct CSVRecordRowTests {
    /// The record's row, its columns skipped where `skipped` says.
    static func withRow<R>(_ record: String, skipped: [Bool] = [], _ body: (CSVRecordRow) -> R) -> R {
        let bytes = Array(record.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var row = CSVRecordRow(file: "plan.csv", bytes: buffer, skipping: SkippedColumns(skipped, beyondHeader: false))
            row.line = scanner.next(into: &row.fields)?.line ?? 0
            return body(row)
        }
    }

    @Test(arguments: [
        ("plain,  padded  ,\"quoted\",\" quoted pad \"\n", ["plain", "padded", "quoted", "quoted pad"]),
        ("\"say \"\"hi\"\"\",\" \"\"edge\"\" \",\"ab\"cd\n", ["say \"hi\"", "\"edge\"", "abcd"]),
        ("\u{A0}nbsp\u{A0}, \u{2003}em space ,é,Łucja Nowak ,  é\n", ["nbsp", "em space", "é", "Łucja Nowak", "é"]),
        (" ,\"\",\u{A0},\"  \"\n", ["", "", "", ""]),
    ])
    func aCellIsItsFieldTrimmedAndDecoded(record: String, expected: [String]) {
        Self.withRow(record) { row in
            #expect(row.cellCount == expected.count)
            for (i, text) in expected.enumerated() where i < row.cellCount {
                #expect(row.text(at: i) == text)
                #expect(row.hasText(at: i) == !text.isEmpty)
                #expect(row.withTextBytes(at: i) { String(decoding: $0, as: UTF8.self) } == text)
                #expect(row.range(at: i) == row.fields[i].range)
            }
        }
    }

    @Test func aSkippedColumnHasNoTextButSaysWhetherItHasAny() {
        Self.withRow("a,\"long, narrative\",  ,c\n", skipped: [false, true, true, false]) { row in
            #expect(row.text(at: 1) == "" && row.hasText(at: 1))
            #expect(row.text(at: 2) == "" && !row.hasText(at: 2))
            #expect(row.text(at: 3) == "c")
            #expect(row.hasAnyText)
        }
        Self.withRow(" ,\"\", \n") { row in #expect(!row.hasAnyText) }
    }

    @Test func aCellIsFoundByLineAndColumnInCharacters() {
        Self.withRow("\"two\nlines\",é,ü ,x\n") { row in
            #expect(row.location == SourceLocation(file: "plan.csv", line: 1))
            #expect(row.location(at: 0) == SourceLocation(file: "plan.csv", line: 1, column: 1))
            // `lines",é,ü ,x`: é is the 8th character of line 2, x the 13th.
            #expect(row.location(at: 1) == SourceLocation(file: "plan.csv", line: 2, column: 8))
            #expect(row.location(at: 3) == SourceLocation(file: "plan.csv", line: 2, column: 13))
        }
    }
}
