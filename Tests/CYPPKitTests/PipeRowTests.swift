import Testing
@testable import CYPPKit

@Suite("GitHub-flavoured pipe table rows")
struct PipeRowTests {
    static func cells(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        return PipeRow.cells(bytes, MarkdownLine(number: 1, start: 0, end: bytes.count), file: "t.md").cells.map(\.text)
    }

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

    @Test(arguments: ["|---|---|", "|:--|--:|:-:|", "--- | ---", "| - |"])
    func recognisesDelimiterRows(line: String) {
        let bytes = Array(line.utf8)
        #expect(PipeRow.isDelimiter(PipeRow.cells(bytes, MarkdownLine(number: 1, start: 0, end: bytes.count), file: "t")))
    }

    @Test(arguments: ["| a | b |", "|---|x|", "| |", "|:|"])
    func rejectsOtherRowsAsDelimiters(line: String) {
        let bytes = Array(line.utf8)
        #expect(!PipeRow.isDelimiter(PipeRow.cells(bytes, MarkdownLine(number: 1, start: 0, end: bytes.count), file: "t")))
    }

    @Test func cellColumnsCountCharactersNotBytes() {
        let bytes = Array("| é | ü |".utf8)
        let row = PipeRow.cells(bytes, MarkdownLine(number: 3, start: 0, end: bytes.count), file: "t")
        #expect(row.cells.map(\.location.column) == [3, 7])
    }

    @Test func textRoundTripsThroughTheCellEscaping() {
        let text = "a | b\nc"
        #expect(MarkdownCellText.encode(text) == "a \\| b<br>c")
        #expect(MarkdownCellText.decode(MarkdownCellText.encode(text)) == text)
    }
}
