/// Picks the layout whose table headers the document has most of. Header lines are the
/// surest sign: every seed repeats its header on each page.
enum LayoutDetector {
    static func detect(_ document: ImportDocument) -> ImportLayout? {
        var scores: [ImportLayout: Int] = [:]
        let lines = document.lines
        for (i, line) in lines.enumerated() {
            if let layout = headerLayout(line, next: i + 1 < lines.count ? lines[i + 1] : nil) {
                scores[layout, default: 0] += 1
            }
        }
        let best = ImportLayout.allCases.max { (scores[$0] ?? 0) < (scores[$1] ?? 0) }
        guard let best, (scores[best] ?? 0) > 0 else { return nil }
        return best
    }

    /// The layout a header line belongs to, if it is one.
    static func headerLayout(_ line: DocumentLine, next: DocumentLine?) -> ImportLayout? {
        let t = line.trimmed
        if t.hasPrefix("|") {
            guard let next, PipeCells.isDelimiter(next.trimmed) else { return nil }
            return PipeCells.split(t).contains { ColumnKind.recognise($0) == .action } ? .pipeTable : nil
        }
        guard line.hasTab else { return nil }
        let cells = line.tabCells.map { $0.lowercased() }
        if cells.contains("targets") && cells.contains("strategic actions") { return .strategicAction }
        if cells.contains("objective") && cells.contains("key milestones") { return .pillarAim }
        if let first = cells.first, first.contains("strategy"), cells.contains(where: { $0.hasPrefix("lead member") }) {
            return .strategyRegister
        }
        let kinds = cells.map(ColumnKind.recognise)
        if kinds.contains(.ref) && kinds.contains(.action) { return .tabMilestone }
        return nil
    }
}

/// Pipe-table rows as text, through the Markdown reader's own row splitter.
enum PipeCells {
    static func split(_ line: String) -> [String] { row(line).cells.map(\.text) }

    static func isDelimiter(_ line: String) -> Bool {
        line.hasPrefix("|") && PipeRow.isDelimiter(row(line))
    }

    private static func row(_ line: String) -> TableRow {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { PipeRow.cells($0, MarkdownLine(number: 1, start: 0, end: bytes.count), file: "") }
    }
}
