import Foundation

extension OwnerDirectory {
    /// Warnings for owner cells (actions' and milestones') the owners file does not list:
    /// one per distinct cell text in a plan, at its first use. Only for a plan whose own folder
    /// has an owners file: elsewhere owners are simply shown by the name part of their cell.
    public func unresolvedOwners(in plan: Plan) -> [Diagnostic] {
        guard paths.contains(Self.path(inFolder: (plan.path as NSString).deletingLastPathComponent)) else { return [] }
        var uses: [(owner: String, at: SourceLocation, count: Int)] = []
        var index: [String: Int] = [:]
        func note(_ owner: String?, _ location: SourceLocation) {
            guard let owner, !resolve(owner).isListed else { return }
            let key = owner.collapsingWhitespace().lowercased()
            if let i = index[key] {
                uses[i].count += 1
            } else {
                index[key] = uses.count
                uses.append((owner, location, 1))
            }
        }
        for (_, action) in plan.allActions {
            note(action.owner, action.location)
            for m in action.milestones { note(m.owner, m.location) }
        }
        return uses.map { u in
            let times = u.count == 1 ? "" : " (used \(u.count) times)"
            return Diagnostic(.unresolvedOwner, at: u.at,
                "owner '\(u.owner)' is not in \(Self.fileName)\(times); add a row with it as the Alias")
        }
    }
}
