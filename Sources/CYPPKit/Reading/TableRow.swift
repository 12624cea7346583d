/// A table cell from either format, with what an edit or a diagnostic needs.
public struct TableCell: Sendable {
    public var text: String
    /// Bytes an edit of this cell replaces (Markdown: between the pipes; CSV: the field).
    public var range: Range<Int>
    public var location: SourceLocation
}

/// One row of a Markdown table or one CSV record.
public struct TableRow: Sendable {
    public var cells: [TableCell]
    public var location: SourceLocation
}

/// Header cells resolved to column kinds, with the problems found doing so.
public struct ColumnMap: Sendable {
    public let headers: [String]
    public let kinds: [ColumnKind]

    public init(headers: [String], kinds: [ColumnKind]) {
        self.headers = headers
        self.kinds = kinds
    }

    /// Resolves headers; `allowed` limits which kinds count (Markdown has no outcome column).
    public static func resolve(
        _ header: TableRow, allowed: (ColumnKind) -> Bool, diagnostics: inout [Diagnostic]
    ) -> ColumnMap {
        var seen: Set<ColumnKind> = []
        var kinds: [ColumnKind] = []
        for cell in header.cells {
            var kind = ColumnKind.recognise(cell.text)
            if !allowed(kind) { kind = .extra }
            if kind.isSingular, seen.contains(kind) {
                diagnostics.append(Diagnostic(.duplicateColumn, at: cell.location,
                    "column '\(cell.text)' repeats an earlier column; kept as an extra field"))
                kind = .extra
            }
            seen.insert(kind)
            kinds.append(kind)
        }
        return ColumnMap(headers: header.cells.map(\.text), kinds: kinds)
    }

    public func index(of kind: ColumnKind) -> Int? { kinds.firstIndex(of: kind) }

    public func has(_ kind: ColumnKind) -> Bool { kinds.contains(kind) }
}
