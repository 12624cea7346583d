import Foundation

/// The corpus inputs too big to commit, made the same way every time.
enum Generated {
    static let header = "| Ref | Action | Due Date | Owner | Progress | Impact | Narrative |\n|---|---|---|---|---|---|---|\n"
    static let csvHeader = "Outcome,Ref,Action,Due Date,Owner,Progress,Impact,Narrative\n"
    static let tenMB = 10 << 20

    /// Words of prose, `count` bytes of them.
    static func words(_ count: Int) -> [UInt8] {
        let word = Array("partnership ".utf8)
        return (0..<count).map { word[$0 % word.count] }
    }

    /// One table row of 10 MB: an action whose text is the whole megabytes.
    @Sendable static func tenMegabyteRowMarkdown() -> [UInt8] {
        Array("# Ten megabyte line\n\n## 1. Outcome\n\n\(header)| 1.1 | ".utf8) + words(tenMB)
            + Array(" | March 2019 | Ann Lee | Green | | |\n".utf8)
    }

    /// One CSV record of 10 MB: a quoted action with escaped quotes and commas all through it.
    @Sendable static func tenMegabyteRowCSV() -> [UInt8] {
        let chunk = Array("a \"\"quoted\"\" word, then more; ".utf8)
        let body = (0..<tenMB).map { chunk[$0 % chunk.count] }
        return Array((csvHeader + "1: One,1.1,\"").utf8) + body + Array("\",March 2019,Ann Lee,Green,,\n".utf8)
    }

    /// 10 MB on one line with no newline at all, full of pipes and hashes but no table.
    @Sendable static func tenMegabyteProse() -> [UInt8] {
        let chunk = Array("| ## x \\| <br> ".utf8)
        return (0..<tenMB).map { chunk[$0 % chunk.count] }
    }

    /// A header of 50,000 columns (the first two Ref and Action) and a row filling them all.
    @Sendable static func fiftyThousandColumnsMarkdown() -> [UInt8] {
        let names = ["Ref", "Action"] + (3...50_000).map { "C\($0)" }
        let row = ["1.1", "Wide"] + (3...50_000).map { "v\($0)" }
        let text =
            "# Fifty thousand columns\n\n## 1. Outcome\n\n| " + names.joined(separator: " | ") + " |\n|"
            + String(repeating: "---|", count: names.count) + "\n| " + row.joined(separator: " | ") + " |\n"
        return Array(text.utf8)
    }

    @Sendable static func fiftyThousandColumnsCSV() -> [UInt8] {
        let names = ["Outcome", "Ref", "Action"] + (4...50_000).map { "C\($0)" }
        let row = ["1: One", "1.1", "Wide"] + (4...50_000).map { "v\($0)" }
        return Array((names.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n").utf8)
    }

    /// 20,000 headings nested every way Markdown allows and some it does not (7+ hashes), with
    /// a table under the last outcome; every `##` starts an outcome numbered 1 again.
    @Sendable static func deepHeadings() -> [UInt8] {
        var text = "# Deep headings\n\n"
        for i in 0..<20_000 {
            let level = i % 9 + 1
            text += String(repeating: "#", count: level) + (level == 2 ? " 1. Outcome \(i)\n" : " heading \(i) #\n")
        }
        text += "## 1. Last outcome\n\n" + header + "| 1.1 | Under all of it | March 2019 | Ann Lee | Green | | |\n"
        return Array(text.utf8)
    }

    /// A 1 MB narrative of escaped pipes and line breaks, the cells `MarkdownCellText` decodes.
    @Sendable static func longCellsMarkdown() -> [UInt8] {
        let narrative = String(repeating: "Update \\| with <br> breaks & <b>tags</b> ", count: 25_000)
        return Array(
            "# Long cells\n\n## 1. Outcome\n\n\(header)| 1.1 | Act | March 2019 | Ann Lee | Green | | \(narrative) |\n".utf8)
    }

    /// A 1 MB quoted narrative over 20,000 lines, CRLF inside, quotes escaped.
    @Sendable static func longCellsCSV() -> [UInt8] {
        let narrative = String(repeating: "line with \"\"quotes\"\", commas\r\n", count: 20_000)
        return Array((csvHeader + "1: One,1.1,Act,March 2019,Ann Lee,Green,,\"\(narrative)\"\n").utf8)
    }
}
