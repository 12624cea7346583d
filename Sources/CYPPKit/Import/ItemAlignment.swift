/// Lines up the items of a list cell with the dates or leads in the cells beside it:
/// `n` items with `n` dates pair one to one; one date is the whole list's; any other count
/// cannot be paired, so the dates are kept together (as written) for the whole list.
struct ItemAlignment {
    /// Each item's own value when they pair one to one.
    let own: [String]?
    /// The value for the whole list when they do not.
    let shared: String
    /// Several values that do not pair with the items: worth a note.
    let mismatch: Bool

    init(_ values: [String], items n: Int) {
        let values = values.filter { !$0.isEmpty }
        if values.count > 1, values.count == n {
            own = values
            shared = ""
            mismatch = false
        } else {
            own = nil
            shared = values.joined(separator: "; ")
            mismatch = values.count > 1
        }
    }

    /// Dates in a cell: its `<p>` items, or the dates of a run such as `April 2012 May 2012`.
    static func dates(_ cell: String) -> [String] {
        let items = HTMLFragment.items(cell).map(\.text)
        if items.count == 1, let split = ItemSplitting.dates(items[0]) { return split }
        return items
    }
}
