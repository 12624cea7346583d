import Foundation
import Testing
@testable import CYPPKit

/// Lines written as bytes must read back as the values they hold: TSV by tabs, CSV through
/// the product's scanner, JSON exactly as `JSONValue` writes the same object.
@Suite("Records written as bytes")
struct RecordLineTests {
    /// Overdue rows of the bundled plans and of the hostile fixtures (markup, quotes, formulas).
    private func rows() throws -> [[RecordTable.Cell]] {
        let query = OverdueQuery(asOf: Day(year: 2022, month: 6, day: 30)!, within: 60)
        let portfolio = try PlanLoader.load([Repo.path("plans"), Repo.fixture("safety")])
        let rows = query.rows(in: portfolio).map(OverdueRendering.cells)
        #expect(rows.count > 200)
        return rows
    }

    private func rendered(_ row: [RecordTable.Cell], _ format: RecordFormat) -> String {
        var out: [UInt8] = []
        RecordLine(columns: OverdueRendering.columns, format: format).append(row, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `overdue` writes each kept row's cells straight into its line: the bytes must be those
    /// of the row's cells written as an array, in every format.
    @Test(arguments: [RecordFormat.tsv, .csv, .json])
    func cellsWrittenOneByOneMakeTheSameLine(format: RecordFormat) throws {
        let query = OverdueQuery(asOf: Day(year: 2022, month: 6, day: 30)!, within: 60)
        let portfolio = try PlanLoader.load([Repo.path("plans"), Repo.fixture("safety")])
        let line = RecordLine(columns: OverdueRendering.columns, format: format)
        for row in query.rows(in: portfolio) {
            var direct: [UInt8] = [], fromArray: [UInt8] = []
            line.append(to: &direct) { OverdueRendering.write(row, to: &$0) }
            line.append(OverdueRendering.cells(row), to: &fromArray)
            #expect(direct == fromArray)
        }
    }

    /// The bytes a string is read through in place are its UTF-8, whatever kind of string:
    /// small (inline), large, empty, non-ASCII, or cut from another.
    @Test(arguments: ["", "1.2", "Zoë Ó Briain", String(repeating: "café ", count: 40), String("x, Head of Inclusion".dropFirst(3))])
    func stringsAreReadAsTheirUTF8(text: String) {
        #expect(text.withUTF8Bytes { Array($0) } == Array(text.utf8))
    }

    /// Numbers are written digit by digit, as `String` writes them.
    @Test(arguments: [0, 7, 10, -1, -30, 1_234_567, Int.max, Int.min])
    func numbersAreWrittenAsStringWritesThem(n: Int) {
        var out: [UInt8] = [UInt8(ascii: "x")]
        out.append(decimal: n)
        #expect(out == Array(("x" + String(n)).utf8))
    }

    @Test func jsonObjectsAreWhatJSONValueWrites() throws {
        for row in try rows() {
            let object = RecordTable.jsonObject(row, columns: OverdueRendering.columns)
            #expect(rendered(row, .json) == object.rendered(indent: 2))
        }
    }

    @Test func csvLinesReadBackAsTheirCells() throws {
        for row in try rows() {
            let fields = CSVText.rows(rendered(row, .csv))
            #expect(fields.count == 1)
            let expected = row.map { cell -> String in
                switch cell {
                case .text(let s): ["=", "+", "-", "@", "\t", "\r"].contains(s.unicodeScalars.first.map(String.init) ?? "") ? "'" + s : s
                case .number(let n): String(n)
                case .missing: ""
                }
            }
            #expect(fields.first == expected)
        }
    }

    @Test func tsvLinesAreOneLineOfTabSeparatedCells() throws {
        for row in try rows() {
            let line = rendered(row, .tsv)
            #expect(line.hasSuffix("\n"))
            #expect(line.dropLast().split(separator: "\t", omittingEmptySubsequences: false).count == row.count)
            #expect(!line.dropLast().contains { $0.isNewline })
        }
    }

    @Test(arguments: [
        ("a\r\nb", "a b"), ("a\tb\u{0B}c\u{0C}d", "a b c d"), ("x\u{85}y\u{2028}z\u{2029}", "x y z "), ("café\n", "café "),
    ])
    func tsvTurnsEachLineBreakIntoOneSpace(text: String, flat: String) {
        #expect(rendered([.text(text)], .tsv) == flat + "\n")
    }

    /// A comma carrying a combining accent is still a comma to every CSV reader.
    @Test func csvQuotesACommaEvenWithAnAccentOnIt() {
        #expect(rendered([.text("a,\u{301}b"), .text("=1+1"), .text("say \"hi\"")], .csv) == "\"a,\u{301}b\",'=1+1,\"say \"\"hi\"\"\"\r\n")
    }
}

@Suite("overdue keeping rendered lines")
struct OverdueLinesTests {
    /// Lines kept by the collector (through many spilled runs) equal the whole-plan query's
    /// rows rendered by `RecordTable`, in every format.
    @Test(arguments: [RecordFormat.tsv, .csv, .json])
    func linesThroughTheTemporaryFileEqualTheWholePlanQuery(format: RecordFormat) throws {
        let query = OverdueQuery(asOf: Day(year: 2022, month: 6, day: 30)!, within: 60)
        let line = RecordLine(columns: OverdueRendering.columns, format: format)
        var collector = OverdueCollector(query: query, keep: .lines(line), memoryBudget: 4_000)
        _ = try PlanLoader.stream([Repo.path("plans")], into: &collector)
        #expect(collector.spilledRuns > 10)
        var streamed: [UInt8] = []
        var stream = RecordStream(columns: OverdueRendering.columns, format: format, header: true) { streamed.append(contentsOf: $0) }
        try collector.forEachLine { stream.add(rendered: $0) }
        stream.finish()

        let whole = OverdueRendering.records(query.rows(in: try PlanLoader.load([Repo.path("plans")])))
        let expected = switch format {
        case .tsv: whole.tsv()
        case .csv: whole.csv()
        case .json: whole.json().rendered()
        }
        #expect(String(decoding: streamed, as: UTF8.self) == expected)
    }
}
