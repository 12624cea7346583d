/// Reads a Markdown plan: `---` front matter, `# Title`, `##` outcomes, `###` prose
/// sections, and pipe tables of actions. Problems are collected, never thrown.
public struct MarkdownPlanReader {
    private let source: SourceText
    private var plan: Plan
    private var diagnostics: [Diagnostic] = []
    /// Prose being collected: which section of which scope (nil outcome = the plan).
    private var proseLines: [String] = []
    private var proseTitle: String?
    private var proseOutcome: Int?

    public static func read(_ source: SourceText) -> (plan: Plan, diagnostics: [Diagnostic]) {
        var reader = MarkdownPlanReader(source: source)
        reader.run()
        return (reader.plan, reader.diagnostics)
    }

    private init(source: SourceText) {
        self.source = source
        self.plan = Plan(title: "", path: source.path, format: .markdown)
    }

    private mutating func run() {
        let bytes = source.bytes
        let lines = MarkdownLine.split(bytes, from: source.contentStart)
        var i = readFrontMatter(lines)
        while i < lines.count {
            let line = lines[i]
            if let (level, text) = heading(line) {
                flushProse()
                startHeading(level: level, text: text, line: line)
                i += 1
            } else if PipeRow.hasPipe(bytes, line), i + 1 < lines.count,
                PipeRow.isDelimiter(PipeRow.cells(bytes, lines[i + 1], file: source.path))
            {
                flushProse()
                i = readTable(lines, from: i)
            } else {
                proseLines.append(line.text(in: bytes))
                i += 1
            }
        }
        flushProse()
        if plan.title.isEmpty {
            plan.title = PlanTitle.fromFileName(source.path)
            diagnostics.append(Diagnostic(.missingTitle, at: SourceLocation(file: source.path, line: 1),
                "no '# Title' line; using '\(plan.title)'"))
        }
    }

    /// `---` / `key: value` lines / `---` at the very top.
    private mutating func readFrontMatter(_ lines: [MarkdownLine]) -> Int {
        guard let first = lines.first, first.text(in: source.bytes).trimmingWhitespace() == "---" else { return 0 }
        var i = 1
        while i < lines.count {
            let text = lines[i].text(in: source.bytes)
            if text.trimmingWhitespace() == "---" { return i + 1 }
            if let colon = text.firstIndex(of: ":") {
                let key = text[..<colon].trimmingWhitespace(), value = text[text.index(after: colon)...].trimmingWhitespace()
                if !key.isEmpty { plan.metadata.append(ExtraField(name: String(key), value: String(value))) }
            }
            i += 1
        }
        diagnostics.append(Diagnostic(.unterminatedFrontMatter, at: SourceLocation(file: source.path, line: 1),
            "front matter opened with '---' is never closed"))
        return lines.count
    }

    private func heading(_ line: MarkdownLine) -> (Int, String)? {
        let text = line.text(in: source.bytes)
        let hashes = text.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = text.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingWhitespace()
        while title.hasSuffix("#") { title = title.dropLast() }  // closing hashes are decoration
        return (hashes, String(title.trimmingWhitespace()))
    }

    private mutating func startHeading(level: Int, text: String, line: MarkdownLine) {
        let location = SourceLocation(file: source.path, line: line.number)
        if level == 1 && plan.title.isEmpty {
            plan.title = text
        } else if level == 2 {
            let (ref, title) = OutcomeHeading.parse(text, fallbackRef: String(plan.outcomes.count + 1))
            plan.outcomes.append(Outcome(ref: ref, title: title, location: location))
            proseOutcome = plan.outcomes.count - 1
            proseTitle = nil
        } else {
            proseTitle = text
            addSection(Section(title: text, text: ""))
        }
    }

    private mutating func addSection(_ section: Section) {
        if let o = proseOutcome { plan.outcomes[o].sections.append(section) } else { plan.sections.append(section) }
    }

    /// Appends collected prose to the open section, or to an untitled one if none is open.
    private mutating func flushProse() {
        defer { proseLines = [] }
        while let l = proseLines.first, l.trimmingWhitespace().isEmpty { proseLines.removeFirst() }
        while let l = proseLines.last, l.trimmingWhitespace().isEmpty { proseLines.removeLast() }
        guard !proseLines.isEmpty else { return }
        let text = proseLines.joined(separator: "\n")
        if proseTitle == nil {
            proseTitle = ""
            addSection(Section(title: "", text: ""))
        }
        func append(_ s: inout [Section]) {
            guard let last = s.indices.last else { return }
            s[last].text = s[last].text.isEmpty ? text : s[last].text + "\n\n" + text
        }
        if let o = proseOutcome { append(&plan.outcomes[o].sections) } else { append(&plan.sections) }
    }

    /// A header row, its delimiter row, then body rows until a line without a pipe.
    private mutating func readTable(_ lines: [MarkdownLine], from start: Int) -> Int {
        let bytes = source.bytes
        let header = PipeRow.cells(bytes, lines[start], file: source.path)
        let columns = ColumnMap.resolve(header, allowed: { ![.outcome, .outcomeSection, .planTitle, .planMetadata].contains($0) },
                                        diagnostics: &diagnostics)
        var i = start + 2
        var rows: [TableRow] = []
        while i < lines.count, PipeRow.hasPipe(bytes, lines[i]), heading(lines[i]) == nil {
            rows.append(PipeRow.cells(bytes, lines[i], file: source.path))
            i += 1
        }
        let tableLocation = SourceLocation(file: source.path, line: lines[start].number)
        // A header-less page-break table (`| | | |`) continues the table before it.
        let isBlankHeader = header.cells.allSatisfy { $0.text.isEmpty }
        guard let o = plan.outcomes.indices.last else {
            if !rows.isEmpty || !isBlankHeader {
                diagnostics.append(Diagnostic(.tableOutsideOutcome, at: tableLocation,
                    "table comes before the first '## Outcome' heading; its rows are not read"))
            }
            return i
        }
        let effective = isBlankHeader ? (lastColumns[o] ?? columns) : columns
        guard effective.has(.action) else {
            diagnostics.append(Diagnostic(.missingActionColumn, at: tableLocation,
                "table has no Action column (headers: \(header.cells.map { "'\($0.text)'" }.joined(separator: ", ")))"))
            return i
        }
        if !effective.has(.ref) && !isBlankHeader {
            diagnostics.append(Diagnostic(.derivedRefs, at: tableLocation,
                "table has no Ref column; refs are numbered by position and change if rows move"))
        }
        lastColumns[o] = effective
        var assembler = ActionAssembler(columns: effective)
        for row in rows { assembler.add(row, outcomeRef: plan.outcomes[o].ref, to: &plan.outcomes[o].actions) }
        diagnostics += assembler.diagnostics
        return i
    }

    private var lastColumns: [Int: ColumnMap] = [:]
}
