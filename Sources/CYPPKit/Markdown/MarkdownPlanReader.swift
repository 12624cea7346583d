/// Reads a Markdown plan: `---` front matter, `# Title`, `##` outcomes, `###` prose
/// sections, and pipe tables of actions. Problems are collected, never thrown.
struct MarkdownPlanReader<Consumer: PlanConsumer> {
    var core: ReaderCore<Consumer>
    private(set) var lines: LineCursor
    private var bytes: UnsafeBufferPointer<UInt8> { core.input.bytes }
    /// Prose being collected for the open section of the current scope (the plan, or an outcome).
    private var proseLines: [String] = []
    private var proseTitle: String?
    private var proseOutcome: Int?
    /// Columns of each outcome's last table: a header-less page-break table reuses them.
    /// By outcome index (an array, not an `[Int: ColumnMap]`: outcomes are numbered densely).
    private var lastColumns: [ColumnMap?] = []
    /// The cells' texts of the last header resolved with no problem, and its columns.
    private var lastHeader: (texts: [String], columns: ColumnMap)?
    /// True once an outcome heading had no number and its ref came from its position.
    private(set) var numberedByPosition = false
    /// True once a `# ` heading gave the plan its title.
    private(set) var titledByHeading = false

    init(core: consuming ReaderCore<Consumer>, lines: LineCursor) {
        self.core = core
        self.lines = lines
    }

    static func read(_ core: consuming ReaderCore<Consumer>) -> (Plan, [Diagnostic], Consumer) {
        let input = core.input
        var reader = MarkdownPlanReader(core: consume core, lines: LineCursor(bytes: input.bytes, start: input.contentStart))
        reader.readFrontMatter()
        // A large file's later half is read on another core meanwhile, if it can be cut.
        var joined = false
        if let later = MarkdownLaterPart.start(core: reader.core, after: reader.lines.consumed) {
            reader.core.expectRefs(inBytes: later.start - reader.lines.consumed)
            reader.run(until: later.start)
            joined = later.join(into: &reader)
        }
        if !joined { reader.run(until: input.bytes.count) }
        // The last action's problems before the file's own, as a later part read apart has them.
        reader.core.finishPart()
        if reader.core.plan.title.isEmpty {
            let title = PlanTitle.fromFileName(input.path)
            reader.core.report(Diagnostic(.missingTitle, at: SourceLocation(file: input.path, line: 1),
                "no '# Title' line; using '\(title)'"))
        }
        let (plan, diagnostics) = reader.core.finish()
        return (plan, diagnostics, reader.core.consumer)
    }

    /// Reads lines until the cursor reaches `end` (or the end of the file), then closes the
    /// open prose, as the heading at `end` would.
    mutating func run(until end: Int) {
        while lines.consumed < end, let line = lines.next() {
            let heading = heading(line)
            // No action continues into another outcome: an outcome heading finishes the last one
            // before anything on its own line is reported, as a later part of the file read
            // apart from that heading does.
            if heading?.0 == 2 { core.finishAction() }
            core.checkUTF8(line.start..<line.end, line: line.number, lineStart: line.start)
            core.input.release(lines.consumed)
            if let (level, text) = heading {
                flushProse()
                startHeading(level: level, text: text, line: line)
            } else if PipeRow.hasPipe(bytes, line), let next = lines.peek(),
                PipeRow.isDelimiter(bytes, next, file: core.input.path)
            {
                flushProse()
                _ = lines.next()
                readTable(header: line)
            } else {
                proseLines.append(line.text(in: bytes))
            }
        }
        flushProse()
    }

    /// `---` / `key: value` lines / `---` at the very top.
    mutating func readFrontMatter() {
        guard let first = lines.peek(), first.text(in: bytes).trimmingWhitespace() == "---" else { return }
        _ = lines.next()
        while let line = lines.next() {
            let text = line.text(in: bytes)
            if text.trimmingWhitespace() == "---" { return }
            if let colon = text.firstIndex(of: ":") {
                let key = text[..<colon].trimmingWhitespace(), value = text[text.index(after: colon)...].trimmingWhitespace()
                if !key.isEmpty { core.plan.metadata.append(ExtraField(name: String(key), value: String(value))) }
            }
        }
        core.report(Diagnostic(.unterminatedFrontMatter, at: SourceLocation(file: core.input.path, line: 1),
            "front matter opened with '---' is never closed"))
    }

    private func heading(_ line: MarkdownLine) -> (Int, String)? {
        guard let hashes = line.headingLevel(in: bytes) else { return nil }
        var title = line.text(in: bytes).dropFirst(hashes).trimmingWhitespace()
        while title.hasSuffix("#") { title = title.dropLast() }  // closing hashes are decoration
        return (hashes, String(title.trimmingWhitespace()))
    }

    private mutating func startHeading(level: Int, text: String, line: MarkdownLine) {
        let location = SourceLocation(file: core.input.path, line: line.number)
        if level == 1 && core.plan.title.isEmpty {
            core.plan.title = text
            titledByHeading = true
        } else if level == 2 {
            let collapsed = text.collapsingWhitespace()
            let numbered = OutcomeHeading.numbered(collapsed: collapsed)
            if numbered == nil { numberedByPosition = true }
            let (ref, title) = numbered ?? (String(core.plan.outcomes.count + 1), collapsed)
            core.addOutcome(Outcome(ref: ref, title: title, location: location))
            proseOutcome = core.plan.outcomes.count - 1
            proseTitle = nil
        } else {
            proseTitle = text
            addSection(Section(title: text, text: ""))
        }
    }

    private mutating func addSection(_ section: Section) {
        if let o = proseOutcome { core.plan.outcomes[o].sections.append(section) } else { core.plan.sections.append(section) }
    }

    /// Appends collected prose to the open section, or to an untitled one if none is open.
    private mutating func flushProse() {
        defer { proseLines.removeAll(keepingCapacity: true) }
        // Blank lines at the edges are dropped by index: `removeFirst` shifted the rest of the
        // array each time, so 200,000 blank lines took seconds.
        let isBlank = { (l: String) in l.trimmingWhitespace().isEmpty }
        guard let first = proseLines.firstIndex(where: { !isBlank($0) }),
            let last = proseLines.lastIndex(where: { !isBlank($0) })
        else { return }
        // Joined by hand: the generic `joined(separator:)` looked up its conformances at run time.
        var text = proseLines[first]
        for line in proseLines[(first + 1)..<(last + 1)] {
            text += "\n"
            text += line
        }
        if proseTitle == nil {
            proseTitle = ""
            addSection(Section(title: "", text: ""))
        }
        // Appended in place: building `old + "\n\n" + new` copied the whole section again for
        // every paragraph between tables, quadratic in a section with thousands of them.
        func append(_ s: inout [Section]) {
            guard let last = s.indices.last else { return }
            if s[last].text.isEmpty {
                s[last].text = text
            } else {
                s[last].text += "\n\n"
                s[last].text += text
            }
        }
        if let o = proseOutcome { append(&core.plan.outcomes[o].sections) } else { append(&core.plan.sections) }
    }

    /// The header's columns. Tables under each outcome usually repeat one header: the last
    /// header resolved with no problem is known by its cells' bytes and its map reused, not
    /// resolved again (each name collapsed, lowercased and looked up) nor copied, which keeps
    /// `lastColumns` small for 20,000 outcomes.
    private mutating func resolve(_ header: TableRow) -> ColumnMap {
        if let last = lastHeader, last.texts.count == header.cells.count, zip(header.cells, last.texts).allSatisfy({ cell, text in
            cell.text.withUTF8Bytes { mine in text.withUTF8Bytes { ByteScan.equal(mine, $0) } }
        }) {
            return last.columns
        }
        var found: [Diagnostic] = []
        var columns = ColumnMap.resolve(header, allowed: \.isMarkdownTableColumn, diagnostics: &found)
        if columns.headers == core.assembler.columns.headers && columns.kinds == core.assembler.columns.kinds {
            columns = core.assembler.columns
        }
        found.forEach { core.report($0) }
        // A header with problems is resolved each time, so each table reports them.
        if found.isEmpty { lastHeader = (header.cells.map(\.text), columns) }
        return columns
    }

    /// Body rows after a header and its delimiter row, until a line without a pipe or a heading.
    private mutating func readTable(header headerLine: MarkdownLine) {
        let path = core.input.path
        let header = PipeRow.cells(bytes, headerLine, file: path)
        let columns = resolve(header)
        let tableLocation = SourceLocation(file: path, line: headerLine.number)
        // A header-less page-break table (`| | | |`) continues the table before it.
        let isBlankHeader = header.cells.allSatisfy { $0.text.isEmpty }
        let outcome = core.plan.outcomes.indices.last
        let effective = outcome.flatMap { isBlankHeader && $0 < lastColumns.count ? lastColumns[$0] : nil } ?? columns
        var problem: Diagnostic?
        if outcome == nil {
            problem = Diagnostic(.tableOutsideOutcome, at: tableLocation,
                "table comes before the first '## Outcome' heading; its rows are not read")
        } else if !effective.has(.action) {
            problem = Diagnostic(.missingActionColumn, at: tableLocation,
                "table has no Action column (headers: \(header.cells.map { "'\($0.text)'" }.joined(separator: ", ")))")
        } else if !effective.has(.ref) && !isBlankHeader {
            core.report(Diagnostic(.derivedRefs, at: tableLocation,
                "table has no Ref column; refs are numbered by position and change if rows move"))
        }
        var sawRows = false
        if let outcome, problem == nil {
            if outcome >= lastColumns.count { lastColumns += Array(repeating: nil, count: outcome + 1 - lastColumns.count) }
            lastColumns[outcome] = effective
            core.assembler.columns = effective
        }
        while let line = lines.peek(), PipeRow.hasPipe(bytes, line), heading(line) == nil {
            _ = lines.next()
            core.checkUTF8(line.start..<line.end, line: line.number, lineStart: line.start)
            core.input.release(lines.consumed)
            sawRows = true
            if let outcome, problem == nil {
                var row = PipeRow.cells(bytes, line, file: path, capacity: header.cells.count, skipping: core.assembler.skipped)
                core.add(&row, outcome: outcome)
            }
        }
        // An empty page-break table before any outcome is page furniture, not a problem.
        if let problem, sawRows || !isBlankHeader || outcome != nil { core.report(problem) }
    }
}
