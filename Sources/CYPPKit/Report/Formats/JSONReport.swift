/// `report --format json`: every figure of the model, in the schema the README documents.
/// Action objects extend `ModelJSON.action` (the `list` schema) with their derived status.
public enum JSONReport {
    public static let schema = "cyppctl-report/1"

    public static func render(_ report: Report) -> String {
        ReportOutput.collect { document(report).write(into: &$0) }
    }

    /// The document in pieces of about 64 KB, each passed to `write` as soon as it is ready.
    public static func render(_ report: Report, to write: @escaping (String) -> Void) {
        ReportOutput.stream(to: write) { document(report).write(into: &$0) }
    }

    /// Everything but the lists that grow with the portfolio is a plain `JSONValue`; those
    /// (actions, exceptions, outcomes with their refs, stale actions) are made as written.
    private static func document(_ report: Report) -> JSONStream {
        let o = report.options
        return .object([
            "schema": .value(.string(schema)),
            "title": .value(.string(report.title)),
            "board": .value(.optional(report.board)),
            "asOf": .value(.string(o.asOf.description)),
            "horizonDays": .value(.int(o.horizon)),
            "horizonEnd": .value(.string(report.horizonEnd.description)),
            "since": .value(.optional(o.since?.description)),
            "figures": .value(figures(report.figures)),
            "plans": .value(.array(report.plans.map(plan))),
            "outcomes": .array(count: report.outcomes.count) { i in
                let out = report.outcomes[i]
                return .object([
                    "plan": .string(report.plan(of: out).path), "planLabel": .string(report.plan(of: out).label),
                    "ref": .string(out.ref), "title": .string(out.title), "figures": figures(out.figures),
                    "actions": .array(out.actions.map { .string($0.action.ref) }),
                ])
            },
            "actions": .array(count: report.actions.count) { action(report.actions[$0], report) },
            "exceptions": .array(count: report.exceptions.count) { action(report.exceptions[$0], report) },
            "owners": .value(
                .array(
                    report.owners.map { s in
                        .object([
                            "name": .string(s.name), "key": .string(s.key), "email": .optional(s.email),
                            "cells": .array(s.cells.map(JSONValue.string)), "figures": figures(s.figures),
                        ])
                    })),
            "changes": changes(report.changes, report),
        ])
    }

    static func figures(_ f: Figures) -> JSONValue {
        .object([
            "actions": .int(f.actions),
            "progress": counts(f.progress),
            "impact": counts(f.impact),
            "complete": share(f.complete),
            "overdue": .int(f.overdue),
            "dueSoon": .int(f.dueSoon),
            "later": .int(f.later),
            "noDeadline": .int(f.noDeadline),
            "overdueMilestones": .int(f.overdueMilestones),
            "unrated": .int(f.unrated),
            "unratedPastDue": .int(f.unratedPastDue),
            "exceptions": .int(f.exceptions),
        ])
    }

    static func counts(_ c: RatingCounts) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: RatingCounts.order.map { ($0?.rawValue ?? "unrated", share(c.share($0))) }))
    }

    static func share(_ s: Share) -> JSONValue { .object(["count": .int(s.count), "percent": .int(s.percent)]) }

    static func plan(_ p: ReportPlan) -> JSONValue {
        .object([
            "path": .string(p.path), "label": .string(p.label), "title": .string(p.title),
            "period": .optional(p.period), "board": .optional(p.board), "hasHistory": .bool(p.hasHistory),
            "figures": figures(p.figures),
        ])
    }

    static func action(_ a: ReportAction, _ report: Report) -> JSONValue {
        // ModelJSON reads only the plan's path and title and the outcome's ref and title.
        let plan = report.plan(of: a)
        let out = report.outcome(of: a)
        let source = Plan(title: plan.title, path: plan.path, format: .markdown)
        let outcome = Outcome(ref: out.ref, title: out.title, location: a.action.location)
        guard case .object(var fields) = ModelJSON.action(a.action, outcome: outcome, plan: source) else { return .null }
        fields["planLabel"] = .string(plan.label)
        fields["person"] = .optional(a.person?.name)
        fields["status"] = .string(a.statusCode)
        fields["statusDays"] = a.statusDays.map(JSONValue.int) ?? .null
        fields["reasons"] = .array(a.reasons.map { .object(["code": .string($0.code), "label": .string($0.label)]) })
        fields["overdueMilestones"] = .array(
            a.overdueMilestones.map { m in
                .object([
                    "number": .int(m.number), "text": .string(m.text), "due": .string(m.due), "days": .int(m.days),
                    "owner": .optional(m.owner),
                ])
            })
        return .object(fields)
    }

    static func changes(_ c: ReportChanges, _ report: Report) -> JSONStream {
        .object([
            "state": .value(.string(c.state.rawValue)),
            "since": .value(.optional(c.since?.description)),
            "plansWithoutHistory": .value(.array(c.plansWithoutHistory.map(JSONValue.string))),
            "changes": .value(
                .array(
                    c.changes.map { ch in
                        .object([
                            "plan": .string(ch.plan.path), "planLabel": .string(ch.plan.label), "ref": .string(ch.ref),
                            "action": .optional(ch.action?.action.text), "owner": .optional(ch.action?.owner),
                            "field": .string(ch.field.rawValue),
                            "from": .optional(ch.fromRating?.rawValue ?? nonBlank(ch.from)),
                            "to": .optional(ch.toRating?.rawValue ?? nonBlank(ch.to)),
                            "direction": .string(ch.direction.rawValue), "entries": .int(ch.entries),
                            "lastTime": .string(ch.last.time), "lastWho": .string(ch.last.who), "lastNote": .string(ch.last.note),
                        ])
                    })),
            "stale": .array(count: c.stale.count) { action(c.stale[$0], report) },
        ])
    }

    private static func nonBlank(_ s: String) -> String? {
        let t = s.collapsingWhitespace()
        return t.isEmpty ? nil : t
    }
}
