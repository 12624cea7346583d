#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `rate` as one locked read–modify–write: take the plan's lock, remove temp files of killed
/// runs, re-read the plan (another run may have changed it since it was looked up), refuse it
/// if it has errors, edit the action's cells, check the result parses to what was asked,
/// replace the file atomically, append the history, release the lock.
///
/// The plan is replaced before the history is appended, so a run killed between the two (a
/// window of one `write` and `fsync`) leaves the new plan without its history line, never a
/// history line for a change the plan does not hold.
public enum RateTransaction {
    public static func run(_ request: RatingRequest, planPath: String, lockTimeout: Double) throws(RateError) -> RateResult {
        let target = AtomicFile.target(of: planPath)
        let lock: PlanLock
        do { lock = try PlanLock.acquire(forPlan: target, timeout: lockTimeout) } catch { throw .lock(error) }
        defer { lock.release() }
        let removed = AtomicFile.removeStaleTemps(beside: target)

        guard let data = FileManager.default.contents(atPath: target) else {
            let exists = FileManager.default.fileExists(atPath: target)
            throw .input(exists ? .unreadable(planPath, "cannot be read (permissions?)") : .missing(planPath))
        }
        let source = SourceText(path: planPath, bytes: [UInt8](data))
        let (plan, diagnostics) = PlanLoader.parse(source)
        let request = RatingUpdate.prepared(request, for: plan)
        guard !diagnostics.hasErrors else { throw .invalidPlan(planPath, diagnostics.filter { $0.severity == .error }) }
        guard let (_, before) = plan.action(ref: request.ref) else {
            throw .unknownRef(request.ref, plan: planPath, refs: plan.allActions.map(\.action.ref))
        }

        let (edits, noteSkipped) = RatingUpdate.edits(for: request, action: before, plan: plan)
        let bytes: [UInt8]
        do { bytes = try PlanEditor.apply(edits, to: source, plan: plan) } catch { throw .edit(error) }
        let (edited, problems) = PlanLoader.parse(SourceText(path: planPath, bytes: bytes))
        guard !problems.hasErrors, edited.allActions.count == plan.allActions.count,
            let (_, after) = edited.action(ref: request.ref),
            RatingUpdate.holds(request, after, noteSkipped: noteSkipped != nil)
        else { throw .wouldBreak(planPath, problems.filter { $0.severity == .error }) }

        let planName = URL(fileURLWithPath: target).lastPathComponent
        var entries = RatingUpdate.entries(before: before, after: after, request: request, planName: planName)
        let (history, historyWarnings) = entries.isEmpty ? ([], []) : HistoryFile.read(forPlan: target)
        if let later = HistoryFile.laterChange(than: entries, in: history) {
            throw .backdated(request.ref, later, asOf: String(request.time.prefix(10)), history: HistoryFile.path(forPlan: target))
        }
        entries = HistoryFile.placedAfter(history, entries)
        var result = RateResult(planPath: target, historyPath: HistoryFile.path(forPlan: target), action: after,
                                recorded: entries, noteSkipped: noteSkipped, removedTemps: removed, warnings: diagnostics)
        result.historyWarnings = historyWarnings
        guard !entries.isEmpty else { return result }
        var info = stat()
        guard stat(target, &info) == 0 else { throw .write(WriteError(path: target, step: "cannot read its permissions")) }
        do { try AtomicFile.replace(target, with: bytes) } catch { throw .write(error) }
        do { try HistoryFile.append(entries, forPlan: target, mode: info.st_mode & 0o666) } catch { throw .history(error) }
        return result
    }
}

/// Why a `rate` run changed nothing (or, for `.history`, changed the plan but not its history).
public enum RateError: Error, CustomStringConvertible {
    case lock(PlanLockError)
    case input(InputError)
    case invalidPlan(String, [Diagnostic])
    case unknownRef(String, plan: String, refs: [String])
    case edit(EditError)
    case wouldBreak(String, [Diagnostic])
    case write(WriteError)
    case history(WriteError)
    /// `--as-of` before a change already recorded for the same value: the history would put
    /// this change first while the plan keeps it as the latest.
    case backdated(String, HistoryEntry, asOf: String, history: String)

    public var description: String {
        switch self {
        case .lock(let e): e.description
        case .input(let e): e.description
        case .invalidPlan(let p, let d):
            "\(p) has \(d.count) error\(d.count == 1 ? "" : "s"); refusing to change it (nothing was written). "
                + "Fix them first: 'cyppctl check \(p)'"
        case .unknownRef(let r, let p, _): "no action with ref '\(r)' in \(p)"
        case .edit(let e): e.description
        case .wouldBreak(let p, _): "the edited \(p) would not read back as asked; nothing was written (please report this)"
        case .write(let e): "\(e); the plan is unchanged"
        case .history(let e): "the plan was updated but its history could not be appended: \(e)"
        case .backdated(let r, let later, let asOf, let history):
            "'\(r)' \(later.field.rawValue) was last changed on \(later.time.prefix(10)) (by \(later.who), in \(history)); a change as of "
                + "\(asOf) would come before it in the history, yet the plan would hold it as the latest: nothing was "
                + "written. Record it as of \(later.time.prefix(10)) or later"
        }
    }
}
