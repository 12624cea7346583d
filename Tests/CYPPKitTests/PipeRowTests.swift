import Testing
@testable import CYPPKit

@Suite("GitHub-flavoured pipe table rows")
struct PipeRowTests {
    /// The row a one-line Markdown text splits into.
    static func row(_ line: String, number: Int = 1) -> TableRow {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { PipeRow.cells($0, MarkdownLine(number: number, start: 0, end: bytes.count), file: "t.md") }
    }

    static func cells(_ line: String) -> [String] { row(line).cells.map(\.text) }

    @Test(arguments: [
        ("| a | b | c |", ["a", "b", "c"]),
        ("a | b | c", ["a", "b", "c"]),
        ("| a | b", ["a", "b"]),
        ("a | b |", ["a", "b"]),
        ("| escaped \\| pipe | x |", ["escaped | pipe", "x"]),
        ("|  | empty |", ["", "empty"]),
        ("| line<br>break |", ["line\nbreak"]),
        ("   | indented |  ", ["indented"]),
        ("| ends with backslash \\|", ["ends with backslash |"]),
        ("|", [""]),
    ])
    func splitsCells(line: String, expected: [String]) {
        #expect(Self.cells(line) == expected)
    }

    /// The reader's test, on the line's bytes.
    static func isDelimiterLine(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { PipeRow.isDelimiter($0, MarkdownLine(number: 1, start: 0, end: bytes.count), file: "t.md") }
    }

    @Test(arguments: ["|---|---|", "|:--|--:|:-:|", "--- | ---", "| - |", "|\u{A0}---\u{3000}|"])
    func recognisesDelimiterRows(line: String) {
        #expect(PipeRow.isDelimiter(Self.row(line)))
        #expect(Self.isDelimiterLine(line))
    }

    @Test(arguments: ["| a | b |", "|---|x|", "| |", "|:|", "|--\\|", "|---|\u{A0}|", "|-\u{301}|"])
    func rejectsOtherRowsAsDelimiters(line: String) {
        #expect(!PipeRow.isDelimiter(Self.row(line)))
        #expect(!Self.isDelimiterLine(line))
    }

    /// Columns are counted when asked, from the line's bytes: asked while they are there.
    /// The assembler moves a ref's, action's or milestone's text into the value that keeps it:
    /// taken once, the cell still says it had text, and where it is and what else the row
    /// holds are untouched.
    @Test func aTakenTextLeavesItsCellPlaceAndTheRowWhole() {
        var row = Self.row("| 1.2 | Deliver the scheme | Ann |", number: 4)
        let before = row.cells.map { row.location(of: $0) }
        #expect(row.takeText(at: 1) == "Deliver the scheme")
        #expect(row.cells[1].text == "" && row.cells[1].hasText)
        #expect(row.takeText(at: 1) == "")
        #expect(row.cells.map(\.text) == ["1.2", "", "Ann"])
        #expect(row.cells.map { row.location(of: $0) } == before)
        #expect(row.location == SourceLocation(file: "t.md", line: 4))
    }

    @Test func cellColumnsCountCharactersNotBytes() {
        let bytes = Array("| é | ü |  |".utf8)
        let columns = bytes.withUnsafeBufferPointer { buffer in
            let row = PipeRow.cells(buffer, MarkdownLine(number: 3, start: 0, end: buffer.count), file: "t.md")
            return row.cells.map { row.location(of: $0).column }
        }
        // A blank cell points at its start, just past its pipe.
        #expect(columns == [3, 7, 10])
    }

    @Test func textRoundTripsThroughTheCellEscaping() {
        let text = "a | b\nc"
        #expect(MarkdownCellText.encode(text) == "a \\| b<br>c")
        #expect(MarkdownCellText.decode(MarkdownCellText.encode(text)) == text)
    }
}
