import Testing
@testable import CYPPKit

/// Aligned columns: each padded to its widest cell and two spaces, the last not padded.
@Suite("Text tables")
struct TextTableTests {
    @Test func columnsArePaddedToTheirWidestCellHoweverWide() {
        var table = TextTable(headers: ["REF", "OWNER", "ACTION"])
        let wide = String(repeating: "w", count: 150)  // wider than any run of padding copied at once
        table.add(["1.1", wide, "First"])
        table.add(["1.10", "Zoë", "Second"])
        let lines = table.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "REF   OWNER" + String(repeating: " ", count: 150 - 5 + 2) + "ACTION",
            "1.1   " + wide + "  First",
            "1.10  Zoë" + String(repeating: " ", count: 150 - 3 + 2) + "Second",
            "",
        ])
    }

    /// Control characters are dropped and a cut cell ends in `…`: both are measured as shown.
    @Test func unsafeAndCutCellsAreMeasuredAsPrinted() {
        var table = TextTable(headers: ["A", "B", "C"], limits: [nil, 5, nil])
        table.add(["\u{1B}[31mred", "abcdefgh", "end"])
        table.add(["x", "é", "end"])
        #expect(table.rendered(header: false) == "[31mred  abcd…  end\nx        é      end\n")
    }

    @Test func aBlankLastCellLeavesNoTrailingSpaces() {
        var table = TextTable(headers: ["A", "B"])
        table.add(["x", ""])
        #expect(table.rendered(header: false) == "x\n")
    }

    /// A cell prints as it is exactly when `printable` would leave it so: at, under and over a
    /// limit, with the limits that cut nothing (none, 0 and 1), and with a character to drop.
    @Test(arguments: [nil, 0, 1, 5] as [Int?])
    func aCellPrintsAsItIsExactlyWhenPrintableLeavesIt(limit: Int?) {
        for cell in ["abcd", "abcde", "abcdef", "", "ab\tc", "é"] {
            let asIs = cell.withUTF8Bytes { TextTable.isPrintableAsIs($0, limit: limit) }
            let printed = TextTable.printable(cell, limit: limit, measure: true)
            #expect(asIs == (printed.text == cell && printed.width == cell.utf8.count && !cell.contains("\t") && cell.utf8.count == cell.count), "'\(cell)'")
        }
    }
}
