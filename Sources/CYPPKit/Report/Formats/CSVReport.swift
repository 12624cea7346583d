/// `report --format csv`: one row per action with its derived status, for a spreadsheet.
/// Every cell goes through `CSVWriter`, so plan text cannot run as a formula.
public enum CSVReport {
    public static let columns = [
        "plan", "plan_title", "outcome_ref", "outcome", "ref", "action", "owner", "person", "due", "deadline",
        "progress", "impact", "status", "status_days", "overdue_milestones", "exception", "narrative", "file", "line",
    ]

    public static func render(_ report: Report) -> String {
        var out = CSVWriter.row(columns)
        for a in report.actions {
            out += CSVWriter.row([
                report.plan(of: a).label, report.plan(of: a).title, report.outcome(of: a).ref, report.outcome(of: a).title, a.action.ref, a.action.text,
                a.owner ?? "", a.person?.name ?? "", a.action.due.text, a.action.due.deadline?.description ?? "",
                a.action.progress?.rawValue ?? "", a.action.impact?.rawValue ?? "",
                a.statusCode, a.statusDays.map(String.init) ?? "",
                a.overdueMilestones.map { String($0.number) }.joined(separator: " "),
                a.reasons.map(\.label).joined(separator: "; "),
                a.action.narrative ?? "", a.action.location.file, String(a.action.location.line),
            ])
        }
        return out
    }
}
