/// `report --format md`: GitHub-flavoured Markdown that pastes into board papers. Plan text
/// in cells is escaped (`|`, `<`, `>`, `&`) so it can never break a table or become HTML.
public enum MarkdownReport {
    public static func render(_ report: Report) -> String {
        ReportOutput.collect { write(report, into: &$0) }
    }

    /// The paper in pieces of about 64 KB, each passed to `write` as soon as it is ready.
    public static func render(_ report: Report, to write: @escaping (String) -> Void) {
        ReportOutput.stream(to: write) { self.write(report, into: &$0) }
    }

    private static func write(_ report: Report, into out: inout ReportOutput) {
        let o = report.options
        out += "# \(text(report.title))\n\n"
        var facts: [String] = []
        if let board = report.board { facts.append("**For:** \(text(board))") }
        facts.append("**As of:** \(o.asOf)")
        facts.append("**Due soon:** by \(report.horizonEnd) (\(Plural.days(o.horizon)))")
        if let since = o.since { facts.append("**Changes since:** \(since)") }
        out += facts.joined(separator: " · ") + "\n\n"
        if !report.isPortfolio, let plan = report.plans.first {
            out +=
                "Plan file: `\(plan.path.replacingAll("`", with: "'"))`" + (plan.period.map { " · period \(text($0))" } ?? "")
                + "\n\n"
        }
        out += "## Headline\n\n" + headline(report) + "\n"
        if report.isPortfolio { out += "## Plans\n\n" + plans(report) + "\n" }
        out += "## Outcomes\n\n" + outcomes(report) + "\n"
        out += "## Exceptions (\(report.exceptions.count))\n\n"
        exceptions(report, into: &out)
        out += "\n## " + (o.since.map { "Changes since \($0)" } ?? "Changes since the last meeting") + "\n\n"
        changes(report, into: &out)
        out += "\n"
        out += "## By owner\n\n" + owners(report) + "\n"
        for outcome in report.outcomes {
            let plan = report.isPortfolio ? text(report.plan(of: outcome).label) + " · " : ""
            out += "## \(plan)\(text(outcome.ref)). \(text(outcome.title))\n\n"
            out += TextReportSections.counts(outcome.figures) + "\n\n"
            actionTable(outcome.actions, report, plan: false, into: &out)
            out += "\n"
        }
    }

    private static func headline(_ report: Report) -> String {
        let f = report.figures
        var out = table(
            ["Figure", "Count", "%"], align: ["---", "---:", "---:"],
            [
                ["Actions", "\(f.actions)", ""],
                ["Complete (Blue)", "\(f.complete.count)", "\(f.complete.percent)%"],
                ["Overdue", "\(f.overdue)", ""],
                ["Overdue milestones", "\(f.overdueMilestones)", ""],
                ["Due within \(Plural.days(report.options.horizon))", "\(f.dueSoon)", ""],
                ["Unrated", "\(f.unrated)", "\(f.progress.share(nil).percent)%"],
                ["Unrated past due", "\(f.unratedPastDue)", ""],
                ["Exceptions", "\(f.exceptions)", ""],
            ])
        out +=
            "\n"
            + table(
                ["Rating", "Progress", "%", "Impact", "%"], align: ["---", "---:", "---:", "---:", "---:"],
                RatingCounts.order.map { r in
                    let p = f.progress.share(r)
                    let i = f.impact.share(r)
                    return [r?.rawValue ?? "Unrated", "\(p.count)", "\(p.percent)%", "\(i.count)", "\(i.percent)%"]
                })
        return out
    }

    private static func plans(_ report: Report) -> String {
        table(
            ["Plan", "Title", "Actions", "Complete", "Overdue", "Due soon", "Unrated", "Exceptions"],
            align: ["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"],
            report.plans.map { p in
                let f = p.figures
                return [
                    text(p.label), text(p.title), "\(f.actions)", "\(f.complete.count) (\(f.complete.percent)%)",
                    "\(f.overdue)", "\(f.dueSoon)", "\(f.unrated)", "\(f.exceptions)",
                ]
            })
    }

    private static func outcomes(_ report: Report) -> String {
        let lead = report.isPortfolio ? ["Plan"] : []
        let ratings = RatingCounts.order.map { $0?.rawValue ?? "Unrated" }
        return table(
            lead + ["Outcome", "Actions"] + ratings + ["Overdue", "Due soon"],
            align: lead.map { _ in "---" } + ["---", "---:"] + ratings.map { _ in "---:" } + ["---:", "---:"],
            report.outcomes.map { o in
                (report.isPortfolio ? [text(report.plan(of: o).label)] : []) + [
                    "\(text(o.ref)). \(text(o.title))", "\(o.figures.actions)",
                ]
                    + RatingCounts.order.map { "\(o.figures.progress.count($0))" }
                    + ["\(o.figures.overdue)", "\(o.figures.dueSoon)"]
            })
    }

    private static func exceptions(_ report: Report, into out: inout ReportOutput) {
        guard !report.exceptions.isEmpty else {
            out += "None: nothing Red, Amber, overdue or unrated past due.\n"
            return
        }
        let lead = report.isPortfolio ? ["Plan"] : []
        table(
            lead + ["Ref", "Action", "Owner", "Due", "Progress", "Impact", "Why", "Narrative"],
            align: Array(repeating: "---", count: lead.count + 8),
            report.exceptions, into: &out
        ) { a in
            let why = a.reasons.map(\.label)
            return (report.isPortfolio ? [text(report.plan(of: a).label)] : []) + [
                text(a.action.ref), text(a.action.text), text(a.owner ?? ""), text(a.action.due.text),
                rating(a.action.progress), rating(a.action.impact), text(why.joined(separator: "; ")),
                text(a.action.narrative ?? ""),
            ]
        }
    }

    private static func changes(_ report: Report, into out: inout ReportOutput) {
        let c = report.changes
        switch c.state {
        case .noHistory:
            out += "No rating history yet: `cyppctl rate` records it beside each plan.\n"
            return
        case .noSince:
            out += "Give `--since DATE` (the last meeting) to see rating changes and stale actions.\n"
            return
        case .ready: break
        }
        let lead = report.isPortfolio ? ["Plan"] : []
        out +=
            c.changes.isEmpty
            ? "No rating changed.\n"
            : table(
                lead + ["Ref", "Field", "From", "To", "Travel", "Action"], align: Array(repeating: "---", count: lead.count + 6),
                c.changes.map { ch in
                    (report.isPortfolio ? [text(ch.plan.label)] : []) + [
                        text(ch.ref), ch.field.rawValue, text(ReportChange.display(ch.from)), text(ReportChange.display(ch.to)),
                        TextReportSections.travel(ch.direction), text(ch.action?.action.text ?? "(no longer in the plan)"),
                    ]
                })
        out +=
            "\n**Not re-rated since \(c.since?.description ?? "-")** (\(Plural.count(c.stale.count, "open action", "open actions")))"
        if c.stale.isEmpty {
            out += ": none.\n"
        } else {
            out += "\n\n"
            actionTable(c.stale, report, plan: report.isPortfolio, into: &out)
        }
        if !c.plansWithoutHistory.isEmpty {
            out += "\nNo history yet for: " + c.plansWithoutHistory.map(text).joined(separator: ", ") + ".\n"
        }
    }

    private static func owners(_ report: Report) -> String {
        table(
            ["Owner", "Actions", "Overdue", "Red", "Amber", "Complete", "Unrated", "As written"],
            align: ["---", "---:", "---:", "---:", "---:", "---:", "---:", "---"],
            report.owners.map { s in
                let f = s.figures
                return [
                    text(s.name), "\(f.actions)", "\(f.overdue)", "\(f.progress.count(.red))", "\(f.progress.count(.amber))",
                    "\(f.complete.count)", "\(f.unrated)", text(s.cells.joined(separator: "; ")),
                ]
            })
    }

    private static func actionTable(
        _ rows: some RandomAccessCollection<ReportAction>, _ report: Report, plan: Bool, into out: inout ReportOutput
    ) {
        let lead = plan ? ["Plan"] : []
        table(
            lead + ["Ref", "Action", "Owner", "Due", "Status", "Progress", "Impact", "Narrative"],
            align: Array(repeating: "---", count: lead.count + 8), rows, into: &out
        ) { a in
            (plan ? [text(report.plan(of: a).label)] : []) + [
                text(a.action.ref), text(a.action.text), text(a.owner ?? ""), text(a.action.due.text),
                a.statusPhrase, rating(a.action.progress), rating(a.action.impact), text(a.action.narrative ?? ""),
            ]
        }
    }

    private static func rating(_ r: Rating?) -> String { r?.rawValue ?? "unrated" }

    private static func table(_ headers: [String], align: [String], _ rows: [[String]]) -> String {
        var out = header(headers, align: align)
        for row in rows { out += line(row) }
        return out
    }

    /// A table that grows with the portfolio: each item's row is made and written in turn.
    private static func table<Rows: Sequence>(
        _ headers: [String], align: [String], _ items: Rows, into out: inout ReportOutput, row: (Rows.Element) -> [String]
    ) {
        out += header(headers, align: align)
        for item in items { out += line(row(item)) }
    }

    private static func header(_ headers: [String], align: [String]) -> String {
        "| " + headers.joined(separator: " | ") + " |\n|" + align.joined(separator: "|") + "|\n"
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
    }

    /// Plan text made safe for a GFM table cell or heading: line breaks become `<br>`, and
    /// nothing in it can end a cell or be read as HTML.
    static func text(_ s: String) -> String {
        // Nothing to break, escape or strip (no control, C1 lead byte, `|`, `\\`, `<`, `>`, `&`): as is.
        if !s.containsByte(where: { b in
            b < 0x20 || b == 0x7F || b == 0xC2 || b == 0x7C || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26
        }) {
            return s
        }
        return s.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var out = ""
                for ch in TextTable.terminalSafe(String(line)).unicodeScalars {
                    switch ch {
                    case "|": out += "\\|"
                    case "\\": out += "\\\\"
                    case "<": out += "&lt;"
                    case ">": out += "&gt;"
                    case "&": out += "&amp;"
                    default: out.unicodeScalars.append(ch)
                    }
                }
                return out
            }
            .joined(separator: "<br>")
    }
}
