/// What must hold for any bytes a plan reader is given, checked by the reader fuzz targets.
/// These files are compiled together with the CYPPKit sources (one module), so they can use
/// the library's internals; a failed check traps and libFuzzer keeps the input as a crash.
enum PlanProperties {
    static func check(_ bytes: [UInt8], path: String) {
        let source = SourceText(path: path, bytes: bytes)
        let (plan, diagnostics) = PlanLoader.parse(source)
        let lines = bytes.reduce(1) { $1 == UInt8(ascii: "\n") || $1 == UInt8(ascii: "\r") ? $0 + 1 : $0 }
        for d in diagnostics {
            must(d.location.line >= 1 && d.location.line <= lines, "diagnostic line \(d.location.line) of \(lines): \(d)")
            must(d.location.column >= 1, "diagnostic column: \(d)")
        }
        for (_, action) in plan.allActions {
            for range in [action.cells.progress, action.cells.impact, action.cells.narrative].compactMap({ $0 }) {
                must(range.lowerBound >= 0 && range.upperBound <= bytes.count, "cell range \(range) of \(bytes.count)")
            }
        }
        guard !diagnostics.hasErrors else { return }
        // A note as a person might type it (argv cannot hold NUL), partly from the input.
        let typed = String(decoding: bytes.suffix(12).filter { $0 != 0 }, as: UTF8.self)
        for (_, action) in plan.allActions.prefix(3) {
            rateReadsBack(action, note: "fuzz | note\nsecond <br> line " + typed, source: source, plan: plan)
        }
    }

    /// `rate` on a clean plan: the edited file reads back with the values asked and no errors
    /// (what `RateTransaction` checks before writing, and reports as a bug if it fails).
    private static func rateReadsBack(_ action: Action, note: String, source: SourceText, plan: Plan) {
        let asked = RatingRequest(
            ref: action.ref, progress: action.progress == .green ? .unrated : .rating(.green),
            impact: .rating(.red), note: note, who: "fuzz", time: "")
        let request = RatingUpdate.prepared(asked, for: plan)
        let (edits, noteSkipped) = RatingUpdate.edits(for: request, action: action, plan: plan)
        guard let bytes = try? PlanEditor.apply(edits, to: source, plan: plan) else { return }
        let (edited, problems) = PlanLoader.parse(SourceText(path: source.path, bytes: bytes))
        must(!problems.hasErrors, "rate made errors: \(problems.filter { $0.severity == .error })")
        must(edited.allActions.count == plan.allActions.count, "rate changed the number of actions")
        guard let (_, after) = edited.action(ref: action.ref) else { fatalError("rate lost ref '\(action.ref)'") }
        must(RatingUpdate.holds(request, after, noteSkipped: noteSkipped != nil), "rate did not read back: \(after)")
    }
}
