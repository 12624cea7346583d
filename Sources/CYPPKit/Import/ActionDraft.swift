/// An action while a layout reader is still collecting it: plain strings, turned into the
/// model (dates parsed) once the reader is done with it.
struct ActionDraft {
    var ref: String
    var text: String
    var start = ""
    var due = ""
    var owner = ""
    var progress: Rating?
    var impact: Rating?
    var narrative = ""
    var milestones: [MilestoneDraft] = []
    var extras: [ExtraField] = []
    var line: Int

    func action(in document: ImportDocument) -> Action {
        Action(
            ref: ref, text: text, start: start.isEmpty ? nil : DueDateParser.parse(start),
            due: DueDateParser.parse(due), owner: owner.isEmpty ? nil : owner, progress: progress, impact: impact,
            narrative: narrative.isEmpty ? nil : narrative, milestones: milestones.map { $0.milestone(in: document) }, extras: extras,
            location: document.location(line))
    }

    mutating func setExtra(_ name: String, _ value: String) {
        if let i = extras.firstIndex(where: { $0.name == name }) {
            extras[i] = ExtraField(name: name, value: value)
        } else {
            extras.append(ExtraField(name: name, value: value))
        }
    }

    func extra(_ name: String) -> String? { extras.first { $0.name == name }?.value }
}

/// A milestone while it is collected; empty due and owner mean "the action's".
struct MilestoneDraft {
    var text: String
    var due = ""
    var owner = ""
    var line: Int

    func milestone(in document: ImportDocument) -> Milestone {
        Milestone(text: text, due: due.isEmpty ? nil : DueDateParser.parse(due), owner: owner.isEmpty ? nil : owner,
                  location: document.location(line))
    }
}

extension Plan {
    /// Gives every action every extra column of the plan (empty where it had none), in the
    /// order first seen: what reading the written plan back gives, so round trips compare equal.
    mutating func alignExtras() {
        var names: [String] = []
        for (_, a) in allActions { for e in a.extras where !names.contains(e.name) { names.append(e.name) } }
        guard !names.isEmpty else { return }
        for o in outcomes.indices {
            for a in outcomes[o].actions.indices {
                let old = outcomes[o].actions[a].extras
                outcomes[o].actions[a].extras = names.map { n in
                    ExtraField(name: n, value: old.first { $0.name == n }?.value ?? "")
                }
            }
        }
    }
}
