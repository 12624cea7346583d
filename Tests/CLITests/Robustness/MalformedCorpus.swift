import Foundation
import Testing

/// The malformed-input corpus: every file in `Tests/Fixtures/malformed/` (small, committed),
/// the big ones made at test time (a 10 MB line, 50,000 columns: megabytes the repository
/// need not hold), and paths that are not files at all. Each entry says what cyppctl must
/// make of it; the README's Robustness section has the same table for people.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    enum Source: Sendable {
        case fixture
        case generated(@Sendable () -> [UInt8])
        /// A folder named like a plan, a named pipe nobody writes to, a symbolic link to itself.
        case folder, fifo, symlinkLoop
    }

    /// What `rate` does to a copy of the file.
    enum Rate: Sendable, Equatable {
        /// Exit 0 and the file changes (only the action's cells; the copy still checks clean).
        case changes
        /// Exit 65 (or 66) with a message holding this text; the file is byte-identical.
        case refused(String)
    }

    let name: String
    let source: Source
    /// Every code `check` reports for the file, errors and warnings.
    let codes: Set<String>
    /// True when the plan has errors: `check` and every command that needs a clean plan exit 65.
    let rejected: Bool
    /// True when no command can read the path at all (exit 66).
    let unreadable: Bool
    /// An action `show` and `rate` can find; nil when the plan has none to find.
    let ref: String?
    let rate: Rate
    /// `import` reads any text: 0 when it recognised a layout, 65 when not, 66 unreadable.
    let importStatus: Int32

    var testDescription: String { name }

    /// A plan with errors: every command refuses it with its diagnostics.
    static func rejects(_ name: String, _ codes: Set<String>, import importStatus: Int32 = 65,
                        source: Source = .fixture) -> CorpusCase {
        CorpusCase(name: name, source: source, codes: codes, rejected: true, unreadable: false, ref: nil,
                   rate: .refused(":"), importStatus: importStatus)
    }

    /// A plan that reads, with these warnings (maybe none): commands run and exit 0.
    static func reads(_ name: String, warns codes: Set<String> = [], ref: String? = "1.1", rate: Rate = .changes,
                      import importStatus: Int32 = 65, source: Source = .fixture) -> CorpusCase {
        CorpusCase(name: name, source: source, codes: codes, rejected: false, unreadable: false, ref: ref,
                   rate: ref == nil ? .refused("no action with ref") : rate, importStatus: importStatus)
    }

    /// A path no command can read: exit 66 naming it.
    static func unreadable(_ name: String, source: Source) -> CorpusCase {
        CorpusCase(name: name, source: source, codes: [], rejected: false, unreadable: true, ref: nil,
                   rate: .refused(name), importStatus: 66)
    }

    static let cases: [CorpusCase] = [
        // Empty and nearly empty.
        .rejects("empty.md", ["CYPP002"]),
        .rejects("empty.csv", ["CYPP002"]),
        .rejects("bom-only.md", ["CYPP002"]),
        .reads("whitespace-only.md", warns: ["CYPP013", "CYPP014"], ref: nil),
        .reads("header-only.md", warns: ["CYPP013"], ref: nil),
        .reads("header-only.csv", warns: ["CYPP013", "CYPP014"], ref: nil),
        // Encodings and bytes that are not UTF-8 text.
        .rejects("invalid-utf8.md", ["CYPP001"]),
        .rejects("invalid-utf8.csv", ["CYPP001", "CYPP014"]),
        .rejects("nul-bytes.md", ["CYPP001"], import: 65),
        .rejects("nul-bytes.csv", ["CYPP001", "CYPP014"]),
        .rejects("utf16le.md", ["CYPP001", "CYPP014"]),
        .rejects("utf16le.csv", ["CYPP001", "CYPP004"]),
        .rejects("binary-garbage.md", ["CYPP001", "CYPP014"]),
        .reads("bom-in-middle.md", warns: ["CYPP007", "CYPP019"], rate: .refused("has no progress cell")),
        .reads("bom-in-middle.csv", warns: ["CYPP014", "CYPP019"], rate: .refused("has no progress cell")),
        // Line endings.
        .reads("cr-only.md", import: 65),
        .reads("cr-only.csv", warns: ["CYPP014"]),
        // CSV quoting and separators.
        .rejects("unterminated-quote.csv", ["CYPP003", "CYPP014"]),
        .rejects("lone-quote.csv", ["CYPP003", "CYPP004"]),
        .reads("quote-in-unquoted.csv", warns: ["CYPP014", "CYPP017"]),
        .rejects("only-commas.csv", ["CYPP004"]),
        .rejects("semicolon-separated.csv", ["CYPP004"]),
        // Table shapes.
        .reads("more-fields-than-headers.md", warns: ["CYPP009"]),
        .reads("more-fields-than-headers.csv", warns: ["CYPP009", "CYPP014"]),
        .rejects("no-action-column.md", ["CYPP004"]),
        .rejects("no-action-column.csv", ["CYPP004"]),
        .reads("no-ref-column.md", warns: ["CYPP019"], rate: .refused("has no progress cell")),
        .rejects("duplicate-columns.md", ["CYPP015"]),
        .rejects("duplicate-columns.csv", ["CYPP014", "CYPP015"]),
        .rejects("delimiter-without-header.md", ["CYPP004"]),
        .rejects("pipes-only.md", ["CYPP004"]),
        .rejects("table-before-outcome.md", ["CYPP010"]),
        .rejects("orphan-continuation.md", ["CYPP011"]),
        .rejects("continuation-first.csv", ["CYPP011", "CYPP014"]),
        .rejects("missing-outcome.csv", ["CYPP012", "CYPP014"]),
        .rejects("unterminated-front-matter.md", ["CYPP014", "CYPP016"]),
        // Cell contents.
        .rejects("duplicate-refs.md", ["CYPP006"]),
        .rejects("duplicate-refs.csv", ["CYPP006", "CYPP014"]),
        .rejects("missing-refs.md", ["CYPP008", "CYPP018"]),
        .rejects("unknown-ratings.md", ["CYPP005"]),
        .rejects("unknown-ratings.csv", ["CYPP005", "CYPP014"]),
        .reads("impossible-dates.md", warns: ["CYPP007"]),
        .reads("huge-date-numbers.md", warns: ["CYPP007"]),
        // Hostile text that must come out inert.
        .reads("control-chars.md"),
        .reads("html-hostile.md"),
        .reads("formula-cells.csv", warns: ["CYPP014", "CYPP017"]),
        // Found by the fuzzer (a note ending in a backslash before a pipe split the narrative cell).
        .reads("fuzz-backslash-pipe.md", warns: ["CYPP007"]),
        // Made at test time.
        .reads("ten-mb-line.md", source: .generated(Generated.tenMegabyteRowMarkdown)),
        .reads("ten-mb-line.csv", warns: ["CYPP014"], source: .generated(Generated.tenMegabyteRowCSV)),
        .reads("ten-mb-prose.md", warns: ["CYPP013", "CYPP014"], ref: nil, source: .generated(Generated.tenMegabyteProse)),
        .reads("fifty-thousand-columns.md", rate: .refused("has no progress cell"),
               source: .generated(Generated.fiftyThousandColumnsMarkdown)),
        .reads("fifty-thousand-columns.csv", warns: ["CYPP014"], rate: .refused("has no progress cell"),
               source: .generated(Generated.fiftyThousandColumnsCSV)),
        .reads("deep-headings.md", warns: ["CYPP025"], source: .generated(Generated.deepHeadings)),
        .reads("long-cells.md", source: .generated(Generated.longCellsMarkdown)),
        .reads("long-cells.csv", warns: ["CYPP014"], source: .generated(Generated.longCellsCSV)),
        // Not files.
        .unreadable("folder.md", source: .folder),
        .unreadable("loop.md", source: .symlinkLoop),
        CorpusCase(name: "fifo.md", source: .fifo, codes: ["CYPP002"], rejected: true, unreadable: false, ref: nil,
                   rate: .refused(":"), importStatus: 66),
    ]

    /// Puts the case's input into `folder` as `name`.
    func materialise(in folder: URL) throws {
        let path = folder.appendingPathComponent(name).path
        switch source {
        case .fixture:
            try FileManager.default.copyItem(atPath: Run.fixture("malformed/" + name), toPath: path)
        case .generated(let make):
            try Data(make()).write(to: URL(fileURLWithPath: path))
        case .folder:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .fifo:
            guard mkfifo(path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        case .symlinkLoop:
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: name)
        }
    }
}

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
        let text = "# Fifty thousand columns\n\n## 1. Outcome\n\n| " + names.joined(separator: " | ") + " |\n|"
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
        return Array("# Long cells\n\n## 1. Outcome\n\n\(header)| 1.1 | Act | March 2019 | Ann Lee | Green | | \(narrative) |\n".utf8)
    }

    /// A 1 MB quoted narrative over 20,000 lines, CRLF inside, quotes escaped.
    @Sendable static func longCellsCSV() -> [UInt8] {
        let narrative = String(repeating: "line with \"\"quotes\"\", commas\r\n", count: 20_000)
        return Array((csvHeader + "1: One,1.1,Act,March 2019,Ann Lee,Green,,\"\(narrative)\"\n").utf8)
    }
}
