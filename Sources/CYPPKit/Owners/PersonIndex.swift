/// One spelling per person across a portfolio. Without an owners-file entry a person is
/// shown by the name part of an owner cell, and cells differ ("HoS (ZZ)", "hos (zz)"): the
/// first in file order wins, so `overdue` and `owners` print the same name for one person.
public struct PersonIndex: Sendable {
    private let directory: OwnerDirectory
    private var first: [String: Person] = [:]

    public init(_ portfolio: Portfolio) {
        directory = portfolio.owners
        for plan in portfolio.plans {
            for (_, action) in plan.allActions {
                for owner in [action.owner] + action.milestones.map(\.owner) {
                    guard let owner else { continue }
                    let person = directory.resolve(owner)
                    if first[person.key] == nil { first[person.key] = person }
                }
            }
        }
    }

    public func person(for owner: String) -> Person {
        let person = directory.resolve(owner)
        return first[person.key] ?? person
    }
}
