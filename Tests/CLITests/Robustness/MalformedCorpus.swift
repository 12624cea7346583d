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
    let importOutcome: ImportOutcome

    /// What `import` (which reads any text as a plan document) makes of the file.
    enum ImportOutcome: Sendable {
        /// Exit 65: no layout it knows.
        case noLayout
        /// A layout (a pipe table with an Action column) but no action placed: exit 65, nothing
        /// written, and the summary says "0 actions".
        case noActions
        /// Exit 66.
        case unreadable
    }

    var testDescription: String { name }

    /// A plan with errors: every command refuses it with its diagnostics.
    static func rejects(
        _ name: String, _ codes: Set<String>, import importOutcome: ImportOutcome = .noLayout,
        source: Source = .fixture
    ) -> CorpusCase {
        CorpusCase(
            name: name, source: source, codes: codes, rejected: true, unreadable: false, ref: nil,
            rate: .refused(":"), importOutcome: importOutcome)
    }

    /// A plan that reads, with these warnings (maybe none): commands run and exit 0.
    static func reads(
        _ name: String, warns codes: Set<String> = [], ref: String? = "1.1", rate: Rate = .changes,
        import importOutcome: ImportOutcome = .noLayout, source: Source = .fixture
    ) -> CorpusCase {
        CorpusCase(
            name: name, source: source, codes: codes, rejected: false, unreadable: false, ref: ref,
            rate: ref == nil ? .refused("no action with ref") : rate, importOutcome: importOutcome)
    }

    /// A path no command can read: exit 66 naming it.
    static func unreadable(_ name: String, source: Source) -> CorpusCase {
        CorpusCase(
            name: name, source: source, codes: [], rejected: false, unreadable: true, ref: nil,
            rate: .refused(name), importOutcome: .unreadable)
    }

    static let cases: [CorpusCase] = [
        // Empty and nearly empty.
        .rejects("empty.md", ["CYPP002"]),
        .rejects("empty.csv", ["CYPP002"]),
        .rejects("bom-only.md", ["CYPP002"]),
        .reads("whitespace-only.md", warns: ["CYPP013", "CYPP014"], ref: nil),
        .reads("header-only.md", warns: ["CYPP013"], ref: nil, import: .noActions),
        .reads("header-only.csv", warns: ["CYPP013", "CYPP014"], ref: nil),
        // Encodings and bytes that are not UTF-8 text.
        .rejects("invalid-utf8.md", ["CYPP001"], import: .noActions),
        .rejects("invalid-utf8.csv", ["CYPP001", "CYPP014"]),
        .rejects("nul-bytes.md", ["CYPP001"], import: .noActions),
        .rejects("nul-bytes.csv", ["CYPP001", "CYPP014"]),
        .rejects("utf16le.md", ["CYPP001", "CYPP014"]),
        .rejects("utf16le.csv", ["CYPP001", "CYPP004"]),
        .rejects("binary-garbage.md", ["CYPP001", "CYPP014"]),
        .reads("bom-in-middle.md", warns: ["CYPP007", "CYPP019"], rate: .refused("has no progress cell")),
        .reads("bom-in-middle.csv", warns: ["CYPP014", "CYPP019"], rate: .refused("has no progress cell")),
        // Line endings.
        .reads("cr-only.md"),
        .reads("cr-only.csv", warns: ["CYPP014"]),
        // CSV quoting and separators.
        .rejects("unterminated-quote.csv", ["CYPP003", "CYPP014"]),
        .rejects("lone-quote.csv", ["CYPP003", "CYPP004"]),
        .reads("quote-in-unquoted.csv", warns: ["CYPP014", "CYPP017"]),
        .rejects("only-commas.csv", ["CYPP004"]),
        .rejects("semicolon-separated.csv", ["CYPP004"]),
        // Table shapes.
        .reads("more-fields-than-headers.md", warns: ["CYPP009"], import: .noActions),
        .reads("more-fields-than-headers.csv", warns: ["CYPP009", "CYPP014"]),
        .rejects("no-action-column.md", ["CYPP004"]),
        .rejects("no-action-column.csv", ["CYPP004"]),
        .reads("no-ref-column.md", warns: ["CYPP019"], rate: .refused("has no progress cell"), import: .noActions),
        .rejects("duplicate-columns.md", ["CYPP015"], import: .noActions),
        .rejects("duplicate-columns.csv", ["CYPP014", "CYPP015"]),
        .rejects("delimiter-without-header.md", ["CYPP004"]),
        .rejects("pipes-only.md", ["CYPP004"]),
        .rejects("table-before-outcome.md", ["CYPP010"], import: .noActions),
        .rejects("orphan-continuation.md", ["CYPP011"], import: .noActions),
        .rejects("continuation-first.csv", ["CYPP011", "CYPP014"]),
        .rejects("missing-outcome.csv", ["CYPP012", "CYPP014"]),
        .rejects("unterminated-front-matter.md", ["CYPP014", "CYPP016"], import: .noActions),
        // Cell contents.
        .rejects("duplicate-refs.md", ["CYPP006"], import: .noActions),
        .rejects("duplicate-refs.csv", ["CYPP006", "CYPP014"]),
        .rejects("missing-refs.md", ["CYPP008", "CYPP018"], import: .noActions),
        .rejects("unknown-ratings.md", ["CYPP005"], import: .noActions),
        .rejects("unknown-ratings.csv", ["CYPP005", "CYPP014"]),
        .reads("impossible-dates.md", warns: ["CYPP007"], import: .noActions),
        .reads("huge-date-numbers.md", warns: ["CYPP007"], import: .noActions),
        // Hostile text that must come out inert.
        .reads("control-chars.md", import: .noActions),
        .reads("html-hostile.md", import: .noActions),
        .reads("formula-cells.csv", warns: ["CYPP014", "CYPP017"]),
        // Found by the fuzzer (a note ending in a backslash before a pipe split the narrative cell).
        .reads("fuzz-backslash-pipe.md", warns: ["CYPP007"], import: .noActions),
        // Made at test time.
        .reads("ten-mb-line.md", import: .noActions, source: .generated(Generated.tenMegabyteRowMarkdown)),
        .reads("ten-mb-line.csv", warns: ["CYPP014"], source: .generated(Generated.tenMegabyteRowCSV)),
        .reads("ten-mb-prose.md", warns: ["CYPP013", "CYPP014"], ref: nil, source: .generated(Generated.tenMegabyteProse)),
        .reads(
            "fifty-thousand-columns.md", rate: .refused("has no progress cell"), import: .noActions,
            source: .generated(Generated.fiftyThousandColumnsMarkdown)),
        .reads(
            "fifty-thousand-columns.csv", warns: ["CYPP014"], rate: .refused("has no progress cell"),
            source: .generated(Generated.fiftyThousandColumnsCSV)),
        .reads("deep-headings.md", warns: ["CYPP025"], import: .noActions, source: .generated(Generated.deepHeadings)),
        .reads("long-cells.md", import: .noActions, source: .generated(Generated.longCellsMarkdown)),
        .reads("long-cells.csv", warns: ["CYPP014"], source: .generated(Generated.longCellsCSV)),
        // Not files.
        .unreadable("folder.md", source: .folder),
        .unreadable("loop.md", source: .symlinkLoop),
        CorpusCase(
            name: "fifo.md", source: .fifo, codes: ["CYPP002"], rejected: true, unreadable: false, ref: nil,
            rate: .refused(":"), importOutcome: .unreadable),
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
