/// A plan while a layout reader builds it: title, metadata, prose sections and outcomes
/// whose actions are still drafts.
struct PlanDraft {
    var title = ""
    var metadata: [ExtraField] = []
    var sections: [Section] = []
    var outcomes: [OutcomeDraft] = []
    /// Prose goes to the plan until the first outcome starts, then to the current outcome.
    private var proseToPlan = true

    /// The first value of a key wins: a document repeats its `DRAFT` mark on every page.
    mutating func setMetadata(_ name: String, _ value: String) {
        guard !value.isEmpty, !metadata.contains(where: { $0.name == name }) else { return }
        metadata.append(ExtraField(name: name, value: value))
    }

    mutating func startOutcome(ref: String, title: String, line: Int) {
        outcomes.append(OutcomeDraft(ref: ref, title: title, line: line))
        proseToPlan = false
    }

    /// Later prose goes to the plan again (a key or appendix after the outcomes).
    mutating func returnToPlan() { proseToPlan = true }

    mutating func startSection(_ title: String) {
        if !proseToPlan, let o = outcomes.indices.last {
            outcomes[o].sections.append(Section(title: title, text: ""))
        } else {
            sections.append(Section(title: title, text: ""))
        }
    }

    /// Appends a paragraph to the open section, or to an untitled one if none is open.
    mutating func addParagraph(_ text: String) {
        guard !text.isEmpty else { return }
        func append(_ s: inout [Section]) {
            if s.isEmpty { s.append(Section(title: "", text: "")) }
            let last = s.count - 1
            s[last].text = s[last].text.isEmpty ? text : s[last].text + "\n\n" + text
        }
        if !proseToPlan, let o = outcomes.indices.last { append(&outcomes[o].sections) } else { append(&sections) }
    }

    var lastAction: ActionDraft? { outcomes.last?.actions.last }

    mutating func updateLastAction(_ change: (inout ActionDraft) -> Void) {
        guard let o = outcomes.indices.last, let a = outcomes[o].actions.indices.last else { return }
        change(&outcomes[o].actions[a])
    }

    mutating func addAction(_ action: ActionDraft) {
        guard let o = outcomes.indices.last else { return }
        outcomes[o].actions.append(action)
    }

    func plan(_ document: ImportDocument) -> Plan {
        var plan = Plan(
            title: title.isEmpty ? PlanTitle.fromFileName(document.path) : title, metadata: metadata,
            sections: sections,
            outcomes: outcomes.map { o in
                Outcome(ref: o.ref, title: o.title, sections: o.sections,
                        actions: o.actions.map { $0.action(in: document) }, location: document.location(o.line))
            },
            path: document.path, format: .markdown)
        plan.alignExtras()
        return plan
    }
}

struct OutcomeDraft {
    var ref: String
    var title: String
    var sections: [Section] = []
    var actions: [ActionDraft] = []
    var line: Int
}

extension PlanDraft {
    /// How every layout begins: the document's title block (title and `key: value` lines)
    /// becomes the plan's title and metadata, the source file is recorded, and those lines
    /// count as placed. Returns the block, whose `end` is where the plan itself begins.
    @discardableResult
    mutating func start(from document: ImportDocument, ledger: inout LineLedger) -> TitleBlock {
        let block = TitleBlock(document.lines)
        title = block.title
        for m in block.metadata { setMetadata(m.name, m.value) }
        setMetadata("source", document.fileName)
        ledger.use(block.used)
        return block
    }
}
