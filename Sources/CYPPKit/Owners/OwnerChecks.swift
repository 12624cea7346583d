#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Warnings for owner cells (actions' and milestones') the owners file does not list: one
/// per distinct cell text in a plan, at its first use. Fed action by action, so it works
/// while a plan streams past. Only for a plan whose own folder has an owners file: elsewhere
/// owners are simply shown by the name part of their cell.
public struct UnresolvedOwners: Sendable {
    private let directory: OwnerDirectory
    private var uses: [(owner: String, at: SourceLocation, count: Int)] = []
    private var index: [String: Int] = [:]

    /// nil when the plan's folder has no owners file.
    public init?(directory: OwnerDirectory, planPath: String) {
        guard directory.paths.contains(OwnerDirectory.path(inFolder: FilePath.directory(of: planPath)))
        else { return nil }
        self.directory = directory
    }

    public mutating func note(_ action: Action) {
        note(action.owner, action.location)
        for m in action.milestones { note(m.owner, m.location) }
    }

    private mutating func note(_ owner: String?, _ location: SourceLocation) {
        guard let owner, !directory.resolve(owner).isListed else { return }
        add(owner, at: location, count: 1)
    }

    /// Adds the uses a later part of the plan noted, as if noted after these.
    mutating func absorb(_ later: UnresolvedOwners) {
        for u in later.uses { add(u.owner, at: u.at, count: u.count) }
    }

    /// Cells that differ only in case and spacing are one owner, first seen at `at`.
    private mutating func add(_ owner: String, at location: SourceLocation, count: Int) {
        let key = owner.collapsingWhitespace().lowercased()
        if let i = index[key] {
            uses[i].count += count
        } else {
            index[key] = uses.count
            uses.append((owner, location, count))
        }
    }

    public var diagnostics: [Diagnostic] {
        uses.map { u in
            let times = u.count == 1 ? "" : " (used \(u.count) times)"
            return Diagnostic(.unresolvedOwner, at: u.at,
                "owner '\(u.owner)' is not in \(OwnerDirectory.fileName)\(times); add a row with it as the Alias")
        }
    }
}
