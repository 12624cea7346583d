/// Header cells resolved to column kinds, with the problems found doing so.
struct ColumnMap: Sendable {
    let headers: [String]
    let kinds: [ColumnKind]
    /// Each kind's first column (-1 when absent), by `ColumnKind.ordinal`: the assembler asks
    /// for a dozen kinds a row, and searching `kinds` for each was a cost of every row.
    private let first: [Int]

    init(headers: [String], kinds: [ColumnKind]) {
        self.headers = headers
        self.kinds = kinds
        var first = [Int](repeating: -1, count: ColumnKind.ordinalCount)
        for (i, kind) in kinds.enumerated() where first[kind.ordinal] < 0 { first[kind.ordinal] = i }
        self.first = first
    }

    /// Resolves headers; `allowed` limits which kinds count (Markdown has no outcome column).
    static func resolve(
        _ header: TableRow, allowed: (ColumnKind) -> Bool, diagnostics: inout [Diagnostic]
    ) -> ColumnMap {
        var seen = 0  // a bit per kind's ordinal
        var kinds: [ColumnKind] = []
        kinds.reserveCapacity(header.cells.count)
        for cell in header.cells {
            var kind = ColumnKind.recognise(cell.text)
            if !allowed(kind) { kind = .extra }
            if kind.isSingular, seen & (1 << kind.ordinal) != 0 {
                diagnostics.append(Diagnostic(.duplicateColumn, at: header.location(of: cell),
                    "column '\(cell.text)' repeats an earlier column; kept as an extra field"))
                kind = .extra
            }
            seen |= 1 << kind.ordinal
            kinds.append(kind)
        }
        // Blank and repeated header names get distinct names, so JSON keeps every extra field.
        // A set of the names so far keeps a 50,000-column header linear; a usual header is
        // searched (making a set cost more at start-up than searching a dozen names).
        var headers: [String] = []
        var taken: Set<String>? = header.cells.count > 32 ? [] : nil
        for (i, cell) in header.cells.enumerated() {
            var name = cell.text.isEmpty ? "column \(i + 1)" : cell.text
            if taken?.contains(name) ?? headers.contains(name) { name += " (column \(i + 1))" }
            headers.append(name)
            taken?.insert(name)
        }
        return ColumnMap(headers: headers, kinds: kinds)
    }

    func index(of kind: ColumnKind) -> Int? {
        let i = first[kind.ordinal]
        return i < 0 ? nil : i
    }

    func has(_ kind: ColumnKind) -> Bool { first[kind.ordinal] >= 0 }

    /// The columns whose text a reader of only `parts` leaves unmade.
    func skipping(_ parts: ActionParts) -> SkippedColumns {
        SkippedColumns(kinds.map { ($0 == .narrative && !parts.contains(.narrative)) || ($0 == .extra && !parts.contains(.extras)) },
                       beyondHeader: !parts.contains(.extras), readByBytes: kinds.map(\.isReadByBytes))
    }
}
