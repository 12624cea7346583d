/// A table cell from either format, with what an edit or a diagnostic needs. Valid only
/// while its file is being read: a CSV cell works out its column from the bytes on demand.
struct TableCell {
    var text: String
    /// Bytes an edit of this cell replaces (Markdown: between the pipes; CSV: the field).
    var range: Range<Int>
    private let position: Position

    private enum Position {
        case known(SourceLocation)
        case lazy(file: String, line: Int, lineStart: Int, bytes: UnsafeBufferPointer<UInt8>)
    }

    init(text: String, range: Range<Int>, location: SourceLocation) {
        self.text = text
        self.range = range
        self.position = .known(location)
    }

    init(text: String, range: Range<Int>, file: String, line: Int, lineStart: Int, bytes: UnsafeBufferPointer<UInt8>) {
        self.text = text
        self.range = range
        self.position = .lazy(file: file, line: line, lineStart: lineStart, bytes: bytes)
    }

    var location: SourceLocation {
        switch position {
        case .known(let l): return l
        case .lazy(let file, let line, let lineStart, let bytes):
            var col = 1
            for i in max(0, lineStart)..<min(range.lowerBound, bytes.count) where bytes[i] & 0xC0 != 0x80 { col += 1 }
            return SourceLocation(file: file, line: line, column: col)
        }
    }
}

/// One row of a Markdown table or one CSV record.
struct TableRow {
    var cells: [TableCell]
    var location: SourceLocation
}

/// Header cells resolved to column kinds, with the problems found doing so.
struct ColumnMap: Sendable {
    let headers: [String]
    let kinds: [ColumnKind]

    init(headers: [String], kinds: [ColumnKind]) {
        self.headers = headers
        self.kinds = kinds
    }

    /// Resolves headers; `allowed` limits which kinds count (Markdown has no outcome column).
    static func resolve(
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
        // Blank and repeated header names get distinct names, so JSON keeps every extra field.
        // A set of the names so far keeps a 50,000-column header linear.
        var headers: [String] = []
        var taken: Set<String> = []
        for (i, cell) in header.cells.enumerated() {
            var name = cell.text.isEmpty ? "column \(i + 1)" : cell.text
            if taken.contains(name) { name += " (column \(i + 1))" }
            headers.append(name)
            taken.insert(name)
        }
        return ColumnMap(headers: headers, kinds: kinds)
    }

    func index(of kind: ColumnKind) -> Int? { kinds.firstIndex(of: kind) }

    func has(_ kind: ColumnKind) -> Bool { kinds.contains(kind) }
}
