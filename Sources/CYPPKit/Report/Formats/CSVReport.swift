/// `report --format csv`: one row per action with its derived status, for a spreadsheet.
/// Every cell goes through `CSVWriter`, so plan text cannot run as a formula.
public enum CSVReport {
    public static let columns = [
        "plan", "plan_title", "outcome_ref", "outcome", "ref", "action", "owner", "person", "due", "deadline",
        "progress", "impact", "status", "status_days", "overdue_milestones", "exception", "narrative", "file", "line",
    ]

    public static func render(_ report: Report) -> String {
        ReportOutput.collect { write(report, into: &$0) }
    }

    /// The rows in pieces of about 64 KB, each passed to `write` as soon as it is ready.
    public static func render(_ report: Report, to write: @escaping (String) -> Void) {
        ReportOutput.stream(to: write) { self.write(report, into: &$0) }
    }

    private static func write(_ report: Report, into out: inout ReportOutput) {
        out += CSVWriter.row(columns)
        for a in report.actions {
            let plan = report.plan(of: a)
            let outcome = report.outcome(of: a)
            out += CSVWriter.row([
                plan.label, plan.title, outcome.ref, outcome.title, a.action.ref, a.action.text,
                a.owner ?? "", a.person?.name ?? "", a.action.due.text, a.action.due.deadline?.description ?? "",
                a.action.progress?.rawValue ?? "", a.action.impact?.rawValue ?? "",
                a.statusCode, a.statusDays.map(String.init) ?? "",
                a.overdueMilestones.map { String($0.number) }.joined(separator: " "),
                a.reasons.map(\.label).joined(separator: "; "),
                a.action.narrative ?? "", a.action.location.file, String(a.action.location.line),
            ])
        }
    }
}
