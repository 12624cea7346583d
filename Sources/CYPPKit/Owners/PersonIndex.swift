/// One spelling per person across a portfolio. Without an owners-file entry a person is
/// shown by the name part of an owner cell, and cells differ ("HoS (ZZ)", "hos (zz)"): the
/// first in file order wins, so `overdue` and `owners` print the same name for one person.
public struct PersonIndex: Sendable {
    private let directory: OwnerDirectory
    /// Sized for a plan's worth of owners: growing from empty rehashed every owner cell
    /// several times, a noticeable part of `overdue` on the bundled plans.
    private var first = [String: Person](minimumCapacity: 256)
    /// Owner cells repeat on every row: each distinct text is resolved once, found again by
    /// its bytes (two spellings of one text are two entries for the same person).
    private var resolved = ByteMemo<Person>()

    public init(_ portfolio: Portfolio) {
        self.init(directory: portfolio.owners)
        for plan in portfolio.plans {
            for (_, action) in plan.allActions { note(action) }
        }
    }

    /// An empty index, filled action by action as a plan streams past (file order is kept).
    public init(directory: OwnerDirectory) {
        self.directory = directory
    }

    public mutating func note(_ action: Action) {
        note(action.owner)
        for m in action.milestones { note(m.owner) }
    }

    private mutating func note(_ owner: String?) {
        guard let owner else { return }
        owner.withUTF8Bytes { bytes in
            _ = resolved.value(for: bytes) { _ in
                let person = directory.resolve(owner)
                if let known = first[person.key] { return known }
                first[person.key] = person
                return person
            }
        }
    }

    /// True when some owner cell read so far resolves to a person of this name (any case and
    /// spacing, as `overdue --person` compares them).
    public func knows(name: String) -> Bool {
        let want = name.collapsingWhitespace().lowercased()
        return first.values.contains { $0.name.collapsingWhitespace().lowercased() == want }
    }

    /// An index with this one's owners file and no one noted yet.
    public var empty: PersonIndex { PersonIndex(directory: directory) }

    /// Takes in the people a later part of a file noted, as if noted after this index's
    /// own. False, changing nothing, when one is spelled differently here: rows of the later
    /// part were written with its spelling, which reading in one pass would not have used.
    /// Spellings are compared byte for byte: `Zoë` written with a combining diaeresis is the
    /// same person (String equality) but not the same bytes in a listing.
    public mutating func absorb(_ later: PersonIndex) -> Bool {
        for (key, person) in later.first {
            if let mine = first[key], mine.email != person.email || !mine.name.utf8.elementsEqual(person.name.utf8) { return false }
        }
        for (key, person) in later.first where first[key] == nil { first[key] = person }
        // `resolved` only remembers what `first` says: the later part's is not needed.
        return true
    }

    public func person(for owner: String) -> Person {
        if let known = owner.withUTF8Bytes({ resolved.existing(for: $0) }) { return known }
        let person = directory.resolve(owner)
        return first[person.key] ?? person
    }
}
