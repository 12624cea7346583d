/// One line of `cyppctl owners`: a person (owner cells grouped through `Person.key` and
/// the owners file) and how their work stands.
public struct OwnerSummary: Equatable, Sendable {
    /// nil for the actions (and milestones) that name no owner at all.
    public let person: Person?
    /// Actions whose owner cell names this person.
    public var actions = 0
    /// Of those, the ones whose Progress is not Blue.
    public var open = 0
    /// Deadlines past and not Blue that are theirs: the rows `overdue --owner NAME` lists,
    /// counting a milestone's own deadline for the milestone's owner.
    public var overdue = 0
    /// Of their actions, the ones whose Progress is Red.
    public var red = 0

    public init(person: Person?) {
        self.person = person
    }

    /// Every person named in the plans, by name (case-insensitive), the unowned last.
    public static func summaries(of portfolio: Portfolio, asOf: Day) -> [OwnerSummary] {
        var byKey: [String: OwnerSummary] = [:]
        var unowned = OwnerSummary(person: nil)
        let people = PersonIndex(portfolio)
        func update(_ owner: String?, _ change: (inout OwnerSummary) -> Void) {
            guard let owner else { return change(&unowned) }
            let person = people.person(for: owner)
            change(&byKey[person.key, default: OwnerSummary(person: person)])
        }
        for plan in portfolio.plans {
            for (_, action) in plan.allActions {
                update(action.owner) { s in
                    s.actions += 1
                    if !action.isComplete { s.open += 1 }
                    if action.progress == .red { s.red += 1 }
                }
            }
        }
        for row in OverdueQuery(asOf: asOf).rows(in: portfolio) {
            update(row.owner) { $0.overdue += 1 }
        }
        var out = byKey.values.sorted {
            let (a, b) = ($0.person?.name ?? "", $1.person?.name ?? "")
            return (a.lowercased(), a, $0.person?.key ?? "") < (b.lowercased(), b, $1.person?.key ?? "")
        }
        if unowned.actions > 0 || unowned.overdue > 0 { out.append(unowned) }
        return out
    }
}
