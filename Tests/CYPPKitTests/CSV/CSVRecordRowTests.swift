import Testing
@testable import CYPPKit

/// The assembler reads a CSV record where it lies: each cell's text, its bytes, whether it has
/// any and where it is must be what the field's cell text says, in every kind of column.
@Suite("CSV record read in place")
struct CSVRecordRowTests {
    /// The record's row, its columns read by bytes where `byBytes` says and skipped where `skipped` does.
    static func withRow<R>(_ record: String, byBytes: [Bool] = [], skipped: [Bool] = [],
                           _ body: (CSVRecordRow, UnsafeBufferPointer<UInt8>) -> R) -> R {
        let bytes = Array(record.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var row = CSVRecordRow(file: "plan.csv", bytes: buffer,
                                   skipping: SkippedColumns(skipped, beyondHeader: false, readByBytes: byBytes))
            row.line = scanner.next(into: &row.fields)?.line ?? 0
            return body(row, buffer)
        }
    }

    static let records = [
        "plain,  padded  ,\"quoted\",\" quoted pad \"\n",
        "\"say \"\"hi\"\"\",\" \"\"edge\"\" \",\"ab\"cd\n",
        "\u{A0}nbsp\u{A0}, \u{2003}em space ,é,Łucja Nowak ,  é\n",
        " ,\"\",\u{A0},\"  \"\n",
    ]

    @Test(arguments: records, [false, true])
    func cellsAreTheFieldsCellText(record: String, byBytes: Bool) {
        Self.withRow(record, byBytes: Array(repeating: byBytes, count: 8)) { row, buffer in
            for (i, f) in row.fields.enumerated() {
                let expected = f.cellText(in: buffer)
                #expect(row.text(at: i) == expected)
                #expect(row.hasText(at: i) == !expected.isEmpty)
                #expect(row.withTextBytes(at: i) { String(decoding: $0, as: UTF8.self) } == expected)
                #expect(row.range(at: i) == f.range)
            }
        }
    }

    @Test func aSkippedColumnHasNoTextButSaysWhetherItHasAny() {
        Self.withRow("a,\"long, narrative\",  ,c\n", skipped: [false, true, true, false]) { row, _ in
            #expect(row.text(at: 1) == "" && row.hasText(at: 1))
            #expect(row.text(at: 2) == "" && !row.hasText(at: 2))
            #expect(row.text(at: 3) == "c")
            #expect(row.hasAnyText)
        }
        Self.withRow(" ,\"\", \n") { row, _ in #expect(!row.hasAnyText) }
    }

    @Test func aCellIsFoundByLineAndColumnInCharacters() {
        Self.withRow("\"two\nlines\",é,ü ,x\n") { row, _ in
            #expect(row.location == SourceLocation(file: "plan.csv", line: 1))
            #expect(row.location(at: 0) == SourceLocation(file: "plan.csv", line: 1, column: 1))
            // `lines",é,ü ,x`: é is the 8th character of line 2, x the 13th.
            #expect(row.location(at: 1) == SourceLocation(file: "plan.csv", line: 2, column: 8))
            #expect(row.location(at: 3) == SourceLocation(file: "plan.csv", line: 2, column: 13))
        }
    }
}
