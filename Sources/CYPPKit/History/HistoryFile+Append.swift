#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

extension HistoryFile {
    /// Appends `entries` (after the header, in a new or empty file) with one `write` and an
    /// fsync, under the plan's `PlanLock`. A new file gets `mode`, normally the plan's own
    /// permission bits, so whoever may read the plan may read its history.
    public static func append(_ entries: [HistoryEntry], forPlan planPath: String, mode: mode_t) throws(WriteError) {
        guard !entries.isEmpty else { return }
        let path = path(forPlan: planPath)
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteError(path: path, step: "cannot open the history file to append") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw WriteError(path: path, step: "cannot read the history file") }
        var text = ""
        if info.st_size == 0 {
            text = header + "\n"
        } else {
            // A hand-edited file may lack its final newline: never glue an entry onto its last line.
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(info.st_size - 1)) == 1, last != UInt8(ascii: "\n") { text = "\n" }
        }
        text += entries.map(line).joined()
        guard AtomicFile.writeAll(fd, Array(text.utf8)) else {
            throw WriteError(path: path, step: "cannot append to the history file")
        }
        guard fsync(fd) == 0 else { throw WriteError(path: path, step: "cannot flush the history file to disk") }
        if info.st_size == 0 { AtomicFile.syncFolder(of: path) }
    }

    /// The entries of several plans' history files, oldest first (file order within one second).
    public static func read(forPlans planPaths: [String]) -> (entries: [HistoryEntry], diagnostics: [Diagnostic]) {
        var entries: [HistoryEntry] = []
        var diagnostics: [Diagnostic] = []
        for plan in planPaths {
            let found = read(forPlan: plan)
            entries += found.entries
            diagnostics += found.diagnostics
        }
        return (chronological(entries), diagnostics)
    }

    /// A stable sort by `HistoryTime.instant` (an entry whose time does not parse counts as
    /// the start of its day, or keeps its place after the entry before it).
    public static func chronological(_ entries: [HistoryEntry]) -> [HistoryEntry] {
        var key = Int.min
        let keyed = entries.enumerated().map { i, e in
            if let t = HistoryTime.instant(e.time) ?? e.day.map({ $0.ordinal * 86_400 }) { key = t }
            return (key, i, e)
        }
        return keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The latest of `existing` on a later day than `new` (one `rate` run's lines, one day)
    /// for an action and field `new` changes; nil when `new` comes last, as it should.
    static func laterChange(than new: [HistoryEntry], in existing: [HistoryEntry]) -> HistoryEntry? {
        guard let day = new.first?.day else { return nil }
        return changes(of: new, in: existing).filter { ($0.day ?? day) > day }.max { ($0.day ?? day) < ($1.day ?? day) }
    }

    /// `new` (one run's lines, one time) restamped a second after the latest of `existing` for
    /// the same values when, on the same day, it would otherwise sort before it: a second
    /// back-fill of a meeting's rating made earlier in the day than the first one corrects it,
    /// so it must come after it. Unchanged when it already comes last, or when a second more
    /// would cross midnight.
    static func placedAfter(_ existing: [HistoryEntry], _ new: [HistoryEntry]) -> [HistoryEntry] {
        guard let first = new.first, let day = first.day, let instant = HistoryTime.instant(first.time) else { return new }
        let same = changes(of: new, in: existing).filter { $0.day == day }
        guard let latest = same.compactMap({ e in HistoryTime.instant(e.time).map { (e, $0) } }).max(by: { $0.1 < $1.1 }),
            latest.1 >= instant, let offset = HistoryTime.offset(latest.0.time)
        else { return new }
        let time = HistoryTime.stamp(instant: latest.1 + 1, offset: offset)
        guard time.hasPrefix(day.description) else { return new }
        return new.map { e in
            var e = e
            e.time = time
            return e
        }
    }

    /// The entries of `existing` for the actions and fields `new` changes.
    private static func changes(of new: [HistoryEntry], in existing: [HistoryEntry]) -> [HistoryEntry] {
        existing.filter { e in new.contains { $0.ref == e.ref && $0.field == e.field } }
    }
}
