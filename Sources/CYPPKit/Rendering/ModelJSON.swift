/// The JSON shape of the model: every field, dates as ISO 8601, absent values as null.
/// `list`, `show` and the report share it, so scripts see one schema.
public enum ModelJSON {
    public static func date(_ d: DueDate?) -> JSONValue {
        guard let d else { return .null }
        var fields: [String: JSONValue] = ["text": .string(d.text)]
        switch d.meaning {
        case .none:
            fields["kind"] = .string("none")
            fields["start"] = .null; fields["end"] = .null
        case .period(let p):
            fields["kind"] = .string("period")
            fields["start"] = .string(p.start.description); fields["end"] = .string(p.end.description)
        case .unparsed:
            fields["kind"] = .string("unparsed")
            fields["start"] = .null; fields["end"] = .null
        }
        return .object(fields)
    }

    public static func rating(_ r: Rating?) -> JSONValue { .optional(r?.rawValue) }

    public static func action(_ a: Action, outcome: Outcome, plan: Plan) -> JSONValue {
        .object([
            "plan": .string(plan.path),
            "planTitle": .string(plan.title),
            "outcome": .object(["ref": .string(outcome.ref), "title": .string(outcome.title)]),
            "ref": .string(a.ref),
            "action": .string(a.text),
            "start": date(a.start),
            "due": date(a.due),
            "deadline": .optional(a.due.deadline?.description),
            "owner": .optional(a.owner),
            "progress": rating(a.progress),
            "impact": rating(a.impact),
            "narrative": .optional(a.narrative),
            "milestones": .array(a.milestones.enumerated().map { i, m in
                .object([
                    "number": .int(i + 1), "text": .string(m.text), "due": date(m.due),
                    "owner": .optional(m.owner), "line": .int(m.location.line),
                ])
            }),
            "extras": .object(Dictionary(a.extras.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { a, _ in a })),
            "file": .string(a.location.file),
            "line": .int(a.location.line),
        ])
    }

    public static func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            "file": .string(d.location.file), "line": .int(d.location.line), "column": .int(d.location.column),
            "severity": .string(d.severity.rawValue), "code": .string(d.code.id), "message": .string(d.message),
        ])
    }
}
