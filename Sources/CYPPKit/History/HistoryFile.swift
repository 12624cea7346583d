#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The history file beside a plan: `<plan file>.history.tsv`, tab-separated with a header,
/// one entry per line. Tabs, newlines and backslashes inside values are written `\t`, `\n`,
/// `\r` and `\\`, so every entry stays on one line and `grep`, `cut` and spreadsheets work.
public enum HistoryFile {
    public static let header = "time\twho\tplan\tref\tfield\told\tnew\tnote"

    public static func path(forPlan planPath: String) -> String { planPath + ".history.tsv" }

    public static func line(_ e: HistoryEntry) -> String {
        [e.time, e.who, e.plan, e.ref, e.field.rawValue, e.old, e.new, e.note].map(escape).joined(separator: "\t") + "\n"
    }

    /// Entries of a history file's text; lines that do not parse become diagnostics.
    public static func parse(_ text: String, path: String) -> (entries: [HistoryEntry], diagnostics: [Diagnostic]) {
        var entries: [HistoryEntry] = []
        var diagnostics: [Diagnostic] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || (i == 0 && line == header) { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape(String($0)) }
            guard cells.count == 8, let field = HistoryEntry.Field(rawValue: cells[4]) else {
                diagnostics.append(Diagnostic(.malformedHistory, at: SourceLocation(file: path, line: i + 1),
                    "history line is not 8 tab-separated fields with a field of progress, impact or narrative; skipped"))
                continue
            }
            if let problem = problem(time: cells[0], field: field, old: cells[5], new: cells[6]) {
                diagnostics.append(Diagnostic(.malformedHistory, at: SourceLocation(file: path, line: i + 1), problem + "; skipped"))
                continue
            }
            entries.append(HistoryEntry(time: cells[0], who: cells[1], plan: cells[2], ref: cells[3], field: field,
                                        old: cells[5], new: cells[6], note: cells[7]))
        }
        return (entries, diagnostics)
    }

    /// What makes a line of the right shape still no entry: a time that is not on a calendar
    /// day (its day places it in `--since` windows), or a rating field whose old or new value
    /// is not a rating (trends and reports read them as ratings).
    private static func problem(time: String, field: HistoryEntry.Field, old: String, new: String) -> String? {
        guard Day(iso: time.prefix(10)) != nil else {
            return "history line's time '\(time)' does not start with a calendar day (YYYY-MM-DD)"
        }
        guard field != .narrative else { return nil }
        for (which, value) in [("old", old), ("new", new)] {
            if case .failure = Rating.parse(value) {
                return "history line's \(which) \(field.rawValue) '\(value)' is not a rating (Blue, Red, Amber, Green, Grey or blank)"
            }
        }
        return nil
    }

    /// The history of a plan file, or none if it has never been rated. For a plan reached
    /// through a symbolic link, the history is beside the file the link points to.
    public static func read(forPlan planPath: String) -> (entries: [HistoryEntry], diagnostics: [Diagnostic]) {
        let path = path(forPlan: AtomicFile.target(of: planPath))
        guard let data = FileManager.default.contents(atPath: path) else { return ([], []) }
        return parse(String(decoding: data, as: UTF8.self), path: path)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "\\")) else { return s }
        var out = ""
        var escaped = false
        for ch in s.unicodeScalars {
            if escaped {
                switch ch {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
