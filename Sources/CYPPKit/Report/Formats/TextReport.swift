/// `report --format text`: the paper for a terminal or a plain-text email. Aligned columns;
/// colour (ANSI) only when asked, never inside the words, so piped output stays plain.
public struct TextReport {
    public var colour = false
    /// Cut long cells (action text, owners) to keep one line per row, as on a terminal.
    public var shorten = false

    public init(colour: Bool = false, shorten: Bool = false) {
        self.colour = colour
        self.shorten = shorten
    }

    public func render(_ report: Report) -> String {
        var out = heading(TextTable.terminalSafe(report.title), level: 0)
        out += TextReportSections.subtitle(report) + "\n"
        out += section("Headline") + headline(report.figures, horizon: report.options.horizon) + "\n"
        if report.isPortfolio { out += section("Plans") + TextReportSections.plans(report) + "\n" }
        out += section("Outcomes") + outcomesOverview(report) + "\n"
        out += section("Exceptions (\(report.exceptions.count))") + exceptions(report) + "\n"
        out += section(TextReportSections.changesTitle(report.changes)) + changes(report) + "\n"
        out += section("By owner") + TextReportSections.owners(report) + "\n"
        for outcome in report.outcomes { out += outcomeDetail(outcome, report) + "\n" }
        return out
    }

    // MARK: sections

    private func headline(_ f: Figures, horizon: Int) -> String {
        func row(_ label: String, _ value: Int, _ extra: String = "") -> String {
            "  " + label.padding(20) + String(value).leftPadding(4) + (extra.isEmpty ? "" : "  " + extra) + "\n"
        }
        var out = row("Actions", f.actions)
        out += row("Complete (Blue)", f.complete.count, "\(f.complete.percent)%")
        out += row(
            "Overdue", f.overdue,
            f.overdueMilestones > 0 ? "+ \(Plural.count(f.overdueMilestones, "milestone", "milestones")) overdue" : "")
        out += row("Due within \(Plural.days(horizon))", f.dueSoon)
        out += row("Unrated", f.unrated, f.unratedPastDue > 0 ? "\(f.unratedPastDue) past due" : "")
        out += row("Exceptions", f.exceptions)
        out += "\n  " + "".padding(12) + "Progress".leftPadding(14) + "Impact".leftPadding(14) + "\n"
        for r in RatingCounts.order {
            let p = f.progress.share(r)
            let i = f.impact.share(r)
            out +=
                "  " + paint((r?.rawValue ?? "Unrated").padding(12), r)
                + "\(p.count)".leftPadding(8) + "\(p.percent)%".leftPadding(6)
                + "\(i.count)".leftPadding(8) + "\(i.percent)%".leftPadding(6) + "\n"
        }
        out += "\n  " + "Progress".padding(12) + bar(f.progress) + "\n  " + "Impact".padding(12) + bar(f.impact) + "\n"
        out += "  " + "".padding(12) + legend() + "\n"
        return out
    }

    private func outcomesOverview(_ report: Report) -> String {
        var out = ""
        for o in report.outcomes {
            let name = (report.isPortfolio ? report.plan(of: o).label + " · " : "") + o.ref + ". " + o.title
            out += "  " + TextTable.terminalSafe(shorten ? TextTable.truncate(name, to: 70) : name) + "\n"
            out += "  " + "".padding(4) + bar(o.figures.progress) + "  " + TextReportSections.counts(o.figures) + "\n"
        }
        return out
    }

    private func exceptions(_ report: Report) -> String {
        guard !report.exceptions.isEmpty else { return "  None: nothing Red, Amber, overdue or unrated past due.\n" }
        var out = ""
        for a in report.exceptions {
            let place = report.isPortfolio ? "  [\(report.plan(of: a).label)]" : ""
            out += "  " + bold(TextTable.terminalSafe(a.action.ref)) + "  " + TextTable.terminalSafe(a.action.text) + place + "\n"
            out +=
                "       " + a.reasons.map { paint($0.label, TextReportSections.colour(of: $0)) }.joined(separator: " · ") + "\n"
            out +=
                "       Owner: " + TextTable.terminalSafe(a.owner ?? "-") + " · Due: "
                + TextTable.terminalSafe(a.action.due.text.isEmpty ? "-" : a.action.due.text)
                + " · Progress: " + paint(ratingName(a.action.progress), a.action.progress)
                + " · Impact: " + paint(ratingName(a.action.impact), a.action.impact) + "\n"
            for m in a.overdueMilestones {
                out +=
                    "       Milestone \(m.number): " + TextTable.terminalSafe(m.text) + " (due " + TextTable.terminalSafe(m.due)
                    + ")\n"
            }
            if let n = a.action.narrative, !n.isEmpty { out += "       " + TextTable.terminalSafe(n) + "\n" }
        }
        return out
    }

    private func changes(_ report: Report) -> String {
        let c = report.changes
        switch c.state {
        case .noHistory: return "  No rating history yet: 'cyppctl rate' records it beside each plan.\n"
        case .noSince: return "  Give --since DATE (the last meeting) to see rating changes and stale actions.\n"
        case .ready: break
        }
        var out = ""
        if c.changes.isEmpty {
            out += "  No rating changed.\n"
        } else {
            var table = TextTable(
                headers: (report.isPortfolio ? ["PLAN"] : []) + ["REF", "FIELD", "FROM", "TO", "TRAVEL", "ACTION"],
                limits: (report.isPortfolio ? [nil] : []) + [nil, nil, nil, nil, nil, shorten ? 60 : nil])
            for ch in c.changes {
                table.add(
                    (report.isPortfolio ? [ch.plan.label] : []) + [
                        ch.ref, ch.field.rawValue, ReportChange.display(ch.from), ReportChange.display(ch.to),
                        TextReportSections.travel(ch.direction), ch.action?.action.text ?? "(no longer in the plan)",
                    ])
            }
            out += indent(table.rendered())
        }
        out +=
            "\n  Not re-rated since \(c.since?.description ?? "-") (\(Plural.count(c.stale.count, "open action", "open actions"))):"
        out += c.stale.isEmpty ? " none.\n" : "\n" + indent(actionTable(c.stale, report))
        if !c.plansWithoutHistory.isEmpty {
            out += "  No history yet for: " + c.plansWithoutHistory.map(TextTable.terminalSafe).joined(separator: ", ") + "\n"
        }
        return out
    }

    private func outcomeDetail(_ o: ReportOutcome, _ report: Report) -> String {
        let planPart = report.isPortfolio ? TextTable.terminalSafe(report.plan(of: o).label) + " · " : ""
        var out = heading(planPart + TextTable.terminalSafe(o.ref) + ". " + TextTable.terminalSafe(o.title), level: 1)
        out += "  " + bar(o.figures.progress) + "  " + TextReportSections.counts(o.figures) + "\n\n"
        out += indent(actionTable(o.actions, report, showPlan: false))
        return out
    }

    /// REF, PROGRESS, IMPACT, DUE, STATUS, OWNER, ACTION; the two rating columns coloured.
    private func actionTable(
        _ rows: some RandomAccessCollection<ReportAction>, _ report: Report, showPlan: Bool? = nil
    ) -> String {
        let plan = showPlan ?? report.isPortfolio
        var table = TextTable(
            headers: (plan ? ["PLAN"] : []) + ["REF", "PROGRESS", "IMPACT", "DUE", "STATUS", "OWNER", "ACTION"],
            limits: (plan ? [nil] : []) + [nil, nil, nil, shorten ? 16 : nil, nil, shorten ? 28 : nil, shorten ? 60 : nil])
        for a in rows {
            table.add(
                (plan ? [report.plan(of: a).label] : []) + [
                    a.action.ref, ratingName(a.action.progress), ratingName(a.action.impact),
                    a.action.due.text.isEmpty ? "-" : a.action.due.text, a.statusPhrase, a.owner ?? "-", a.action.text,
                ])
        }
        let rendered = table.rendered()
        guard colour else { return rendered }
        let lead =
            plan
            ? [rows.map { report.plan(of: $0).label } + ["PLAN"], rows.map(\.action.ref) + ["REF"]]
            : [rows.map(\.action.ref) + ["REF"]]
        let start = lead.reduce(0) { $0 + ($1.map { TextTable.terminalSafe($0).count }.max() ?? 0) + 2 }
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { i, line in
            guard i > 0, i <= rows.count else { return String(line) }
            let a = rows[rows.index(rows.startIndex, offsetBy: i - 1)]
            return TextReportSections.paintColumns(String(line), at: start, [a.action.progress, a.action.impact], paint: paint)
        }.joined(separator: "\n")
    }

    // MARK: pieces

    private func bar(_ counts: RatingCounts) -> String {
        let cells = TextReportSections.apportion(counts, width: 24)
        let body = cells.map { r, n in
            colour ? paint(String(repeating: block(r), count: n), r) : String(repeating: TextReportSections.symbol(r), count: n)
        }.joined()
        return "[" + body + "]"
    }

    private func legend() -> String {
        RatingCounts.order.map { r in
            (colour ? paint(String(block(r)), r) : String(TextReportSections.symbol(r))) + " " + ratingName(r)
        }.joined(separator: "  ")
    }

    /// In colour, a full block in the rating's colour; unrated is a light shade (it has no colour).
    private func block(_ r: Rating?) -> Character { r == nil ? "░" : "█" }

    func ratingName(_ r: Rating?) -> String { r?.rawValue ?? "unrated" }

    private func paint(_ s: String, _ r: Rating?) -> String {
        guard colour, let code = TextReportSections.ansi(r) else { return s }
        return "\u{1B}[\(code)m" + s + "\u{1B}[0m"
    }

    private func bold(_ s: String) -> String { colour ? "\u{1B}[1m" + s + "\u{1B}[0m" : s }

    private func heading(_ s: String, level: Int) -> String {
        let rule = String(repeating: level == 0 ? "=" : "-", count: min(100, max(8, s.count)))
        return bold(s) + "\n" + rule + "\n"
    }

    private func section(_ s: String) -> String { bold(s.uppercased()) + "\n" }

    private func indent(_ s: String) -> String {
        // One line (a huge cell, say) needs no split.
        if !s.containsByte(where: { $0 == 0x0A }) { return s.isEmpty ? "" : "  " + s }
        return s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(
            separator: "\n")
    }
}
