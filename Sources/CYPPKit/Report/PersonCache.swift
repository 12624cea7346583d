/// Owner cells resolved to people once per distinct cell: a portfolio names a few hundred
/// people across all its rows, and resolving each row's cell afresh (collapsing its spaces,
/// cutting off the post, looking up `owners.csv`) was a tenth of building a large report.
struct PersonCache {
    private let owners: OwnerDirectory
    /// By cell text; each entry keeps the cell it was resolved from (see `person(for:)`).
    private var known: [String: (cell: String, person: Person?)] = [:]

    init(_ owners: OwnerDirectory) { self.owners = owners }

    /// Who the owner cell names; nil when it is blank.
    mutating func person(for cell: String?) -> Person? {
        guard let cell else { return nil }
        // Strings compare equal when canonically equivalent ("ë" precomposed or not), but a
        // person's name keeps the cell's own bytes: only a byte-identical cell reuses an entry.
        if let hit = known[cell], hit.cell.utf8.elementsEqual(cell.utf8) { return hit.person }
        let owner = cell.collapsingWhitespace()
        let person = owner.isEmpty ? nil : owners.resolve(owner)
        if known[cell] == nil { known[cell] = (cell, person) }
        return person
    }
}
