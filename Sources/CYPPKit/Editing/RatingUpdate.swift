/// The decisions of a `rate` run, apart from any file: which cells to edit, and which
/// history entries the change makes (found by comparing the action before and after).
public enum RatingUpdate {
    /// The request as the plan can hold it: a Markdown cell reads `<br>` as a line break, so a
    /// note typed with one is recorded (narrative and history) with the line break it becomes.
    public static func prepared(_ request: RatingRequest, for plan: Plan) -> RatingRequest {
        guard plan.format == .markdown, let note = request.note else { return request }
        var prepared = request
        prepared.note = MarkdownCellText.normalised(note)
        return prepared
    }

    /// Edits only for values that differ, so re-rating Green as Green leaves the bytes alone.
    public static func edits(for request: RatingRequest, action: Action, plan: Plan)
        -> (edits: [PlanEditor.Edit], noteSkipped: RateResult.NoteSkip?)
    {
        var edits: [PlanEditor.Edit] = []
        if let p = request.progress, p.rating != action.progress {
            edits.append(.init(ref: action.ref, field: .progress, value: p.rating?.rawValue ?? ""))
        }
        if let i = request.impact, i.rating != action.impact {
            edits.append(.init(ref: action.ref, field: .impact, value: i.rating?.rawValue ?? ""))
        }
        guard let note = request.note else { return (edits, nil) }
        guard action.cells.narrative != nil else { return (edits, noteSkip(action, plan)) }
        if note != (action.narrative ?? "") { edits.append(.init(ref: action.ref, field: .narrative, value: note)) }
        return (edits, nil)
    }

    /// One entry per field whose value changed between `before` and `after`, in the order
    /// progress, impact, narrative. Rating entries carry the request's note; the narrative
    /// entry's `new` is the note already, so its note column stays empty. Its `old` keeps the
    /// narrative the note replaced.
    public static func entries(before: Action, after: Action, request: RatingRequest, planName: String) -> [HistoryEntry] {
        let pairs: [(HistoryEntry.Field, String, String)] = [
            (.progress, before.progress?.rawValue ?? "", after.progress?.rawValue ?? ""),
            (.impact, before.impact?.rawValue ?? "", after.impact?.rawValue ?? ""),
            (.narrative, before.narrative ?? "", after.narrative ?? ""),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { field, old, new in
            HistoryEntry(time: request.time, who: request.who, plan: planName, ref: before.ref, field: field,
                         old: old, new: new, note: field == .narrative ? "" : request.note ?? "")
        }
    }

    /// Whether the edited action holds exactly what was asked (a last check before writing).
    static func holds(_ request: RatingRequest, _ after: Action, noteSkipped: Bool) -> Bool {
        if let p = request.progress, after.progress != p.rating { return false }
        if let i = request.impact, after.impact != i.rating { return false }
        func lf(_ s: String) -> String { s.replacingAll("\r\n", with: "\n") }
        if let note = request.note, !noteSkipped, !lf(after.narrative ?? "").hasPrefix(lf(note)) { return false }
        return true
    }

    /// A row without a narrative cell: is the column missing, or the row short of it?
    private static func noteSkip(_ action: Action, _ plan: Plan) -> RateResult.NoteSkip {
        let outcome = plan.outcomes.first { $0.actions.contains { $0.ref == action.ref } }
        let others = outcome?.actions ?? []
        return others.contains { $0.cells.narrative != nil } ? .shortRow : .noNarrativeColumn
    }
}
