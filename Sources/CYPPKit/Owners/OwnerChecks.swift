extension OwnerDirectory {
    /// Warnings for owner cells (actions' and milestones') the owners file does not list:
    /// one per distinct cell text in a plan, at its first use. Nothing without an owners file,
    /// where every owner is simply shown by the name part of its cell.
    public func unresolvedOwners(in plan: Plan) -> [Diagnostic] {
        guard !isEmpty else { return [] }
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
