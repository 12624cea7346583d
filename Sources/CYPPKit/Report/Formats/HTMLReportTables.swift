/// The HTML report's tables. Numbers are the model's; text goes through `HTMLEscape`. Tables
/// that grow with the portfolio write into the report's output as they go.
enum HTMLReportTables {
    private static func h(_ s: String) -> String { HTMLEscape.escape(s) }

    static func ratingTable(_ f: Figures) -> String {
        var out =
            "<table class=\"ratings\"><thead><tr><th>Rating</th><th class=\"n\">Progress</th><th class=\"n\">%</th>"
            + "<th class=\"n\">Impact</th><th class=\"n\">%</th></tr></thead><tbody>"
        for r in RatingCounts.order {
            let p = f.progress.share(r)
            let i = f.impact.share(r)
            out +=
                "<tr data-rating=\"\(HTMLBar.cssClass(r))\"><td>\(chip(r))</td><td class=\"n\">\(p.count)</td><td class=\"n\">\(p.percent)%</td>"
                + "<td class=\"n\">\(i.count)</td><td class=\"n\">\(i.percent)%</td></tr>"
        }
        return out + "</tbody></table>\n"
    }

    static func plans(_ report: Report, into out: inout ReportOutput) {
        out +=
            "<section id=\"plans\">\n<h2>Plans</h2>\n<table><thead><tr><th>Plan</th><th>Progress</th><th class=\"n\">Actions</th>"
            + "<th class=\"n\">Complete</th><th class=\"n\">Overdue</th><th class=\"n\">Due soon</th><th class=\"n\">Unrated</th>"
            + "<th class=\"n\">Exceptions</th></tr></thead><tbody>\n"
        for p in report.plans {
            let f = p.figures
            out +=
                "<tr><td><b>\(h(p.title))</b><span class=\"narr\">\(h(p.path))</span></td>"
                + figureCells(f, barLabel: "Progress, \(p.label)")
                + "<td class=\"n\">\(f.unrated)</td><td class=\"n\">\(f.exceptions)</td></tr>\n"
        }
        out += "</tbody></table>\n</section>\n"
    }

    static func outcomesOverview(_ report: Report, into out: inout ReportOutput) {
        out +=
            "<section id=\"outcomes\">\n<h2>Outcomes</h2>\n<table><thead><tr><th>Outcome</th><th>Progress</th>"
            + "<th class=\"n\">Actions</th><th class=\"n\">Complete</th><th class=\"n\">Overdue</th><th class=\"n\">Due soon</th>"
            + "<th class=\"n\">Exceptions</th></tr></thead><tbody>\n"
        for (i, o) in report.outcomes.enumerated() {
            let f = o.figures
            let plan = report.isPortfolio ? "<span class=\"narr\">\(h(report.plan(of: o).label))</span>" : ""
            out +=
                "<tr><td><a href=\"#outcome-\(i + 1)\">\(h(o.ref)). \(h(o.title))</a>\(plan)</td>"
                + figureCells(f, barLabel: "Progress, outcome \(o.ref)")
                + "<td class=\"n\">\(f.exceptions)</td></tr>\n"
        }
        out += "</tbody></table>\n</section>\n"
    }

    /// The cells the plans and outcomes overviews share: a Progress bar, then actions, complete,
    /// overdue and due soon.
    private static func figureCells(_ f: Figures, barLabel: String) -> String {
        "<td class=\"barcell\">\(HTMLBar.svg(f.progress, label: barLabel, compact: true))</td>"
            + "<td class=\"n\">\(f.actions)</td><td class=\"n\">\(f.complete.count) (\(f.complete.percent)%)</td>"
            + "<td class=\"n\">\(f.overdue)</td><td class=\"n\">\(f.dueSoon)</td>"
    }

    static func exceptions(_ report: Report, into out: inout ReportOutput) {
        out += "<section id=\"exceptions\">\n<h2>Exceptions (\(report.exceptions.count))</h2>\n"
        guard !report.exceptions.isEmpty else {
            out += "<p class=\"empty\">None: nothing Red, Amber, overdue or unrated past due.</p>\n</section>\n"
            return
        }
        out +=
            "<p class=\"note\">Red or Amber Progress, Red Impact, past the deadline, or a milestone past its own date; most serious first.</p>\n"
        actions(report.exceptions, report, showPlan: report.isPortfolio, withWhy: true, into: &out)
        out += "</section>\n"
    }

    static func changes(_ report: Report, into out: inout ReportOutput) {
        let c = report.changes
        out +=
            "<section id=\"changes\">\n<h2>" + (c.since.map { "Changes since \($0)" } ?? "Changes since the last meeting")
            + "</h2>\n"
        switch c.state {
        case .noHistory:
            out +=
                "<p class=\"empty\">No rating history yet: <code>cyppctl rate</code> records it beside each plan.</p>\n</section>\n"
            return
        case .noSince:
            out +=
                "<p class=\"empty\">Give <code>--since DATE</code> (the last meeting) to see rating changes and stale actions.</p>\n</section>\n"
            return
        case .ready: break
        }
        if c.changes.isEmpty {
            out += "<p class=\"empty\">No rating changed.</p>\n"
        } else {
            let plan = report.isPortfolio ? "<th>Plan</th>" : ""
            out +=
                "<table><thead><tr>\(plan)<th>Ref</th><th>Action</th><th>Rating</th><th>Was</th><th>Now</th><th>Travel</th>"
                + "<th>Last change</th></tr></thead><tbody>\n"
            for ch in c.changes {
                let plan = report.isPortfolio ? "<td>\(h(ch.plan.label))</td>" : ""
                let last =
                    h(String(ch.last.time.prefix(10))) + (ch.last.who.isEmpty ? "" : ", " + h(ch.last.who))
                    + (ch.last.note.isEmpty ? "" : "<span class=\"narr\">\(h(ch.last.note))</span>")
                out +=
                    "<tr>\(plan)<td class=\"ref\">\(h(ch.ref))</td><td>\(h(ch.action?.action.text ?? "(no longer in the plan)"))</td>"
                    + "<td>\(ch.field == .progress ? "Progress" : "Impact")</td>"
                    + "<td>\(recorded(ch.from, ch.fromRating))</td><td>\(recorded(ch.to, ch.toRating))</td>"
                    + "<td class=\"travel \(ch.direction.rawValue)\">\(TextReportSections.travel(ch.direction))</td><td>\(last)</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "<h3>Not re-rated since \(c.since?.description ?? "")</h3>\n"
        if c.stale.isEmpty {
            out += "<p class=\"empty\">None: every open action was re-rated.</p>\n"
        } else {
            out +=
                "<p class=\"note\">\(Plural.count(c.stale.count, "open action has", "open actions have")) no rating change recorded since the last meeting.</p>\n"
            actions(c.stale, report, showPlan: report.isPortfolio, withWhy: false, into: &out)
        }
        if !c.plansWithoutHistory.isEmpty {
            out += "<p class=\"note\">No history yet for " + c.plansWithoutHistory.map(h).joined(separator: ", ") + ".</p>\n"
        }
        out += "</section>\n"
    }

    static func owners(_ report: Report, into out: inout ReportOutput) {
        out +=
            "<section id=\"owners\">\n<h2>By owner</h2>\n<table><thead><tr><th>Owner</th><th class=\"n\">Actions</th>"
            + "<th class=\"n\">Overdue</th><th class=\"n\">Red</th><th class=\"n\">Amber</th><th class=\"n\">Complete</th>"
            + "<th class=\"n\">Unrated</th><th>As written in the plans</th></tr></thead><tbody>\n"
        for s in report.owners {
            let f = s.figures
            out +=
                "<tr><td><b>\(h(s.name))</b></td><td class=\"n\">\(f.actions)</td><td class=\"n\">\(f.overdue)</td>"
                + "<td class=\"n\">\(f.progress.count(.red))</td><td class=\"n\">\(f.progress.count(.amber))</td>"
                + "<td class=\"n\">\(f.complete.count)</td><td class=\"n\">\(f.unrated)</td>"
                + "<td class=\"owner-cells\">\(s.cells.map(h).joined(separator: "<br/>"))</td></tr>\n"
        }
        out += "</tbody></table>\n</section>\n"
    }

    /// Ref, action with its narrative, owner, due, status (or why), Progress and Impact chips.
    /// The hottest loop of the HTML report: plan text is escaped straight into the output.
    static func actions(
        _ rows: some RandomAccessCollection<ReportAction>, _ report: Report, showPlan: Bool, withWhy: Bool,
        into out: inout ReportOutput
    ) {
        out +=
            "<table class=\"actions\"><thead><tr>" + (showPlan ? "<th>Plan</th>" : "")
            + "<th>Ref</th><th>Action</th><th>Owner</th><th>Due</th><th>\(withWhy ? "Why" : "Status")</th>"
            + "<th>Progress</th><th>Impact</th></tr></thead><tbody>\n"
        let labels = report.plans.map(\.label)
        for a in rows {
            out += "<tr>"
            if showPlan { cell("<td>", labels[a.planIndex], into: &out) }
            cell("<td class=\"ref\">", a.action.ref, into: &out)
            out += "<td>"
            out.appendHTML(a.action.text)
            if let narrative = a.action.narrative, !narrative.isEmpty { span("narr", narrative, into: &out) }
            if withWhy {
                for m in a.overdueMilestones {
                    out += "<span class=\"narr\">Milestone \(m.number) (due "
                    out.appendHTML(m.due)
                    out += "): "
                    out.appendHTML(m.text)
                    out += "</span>"
                }
            }
            out += "</td>"
            cell("<td>", a.owner ?? "—", into: &out)
            cell("<td class=\"due\">", a.action.due.text.isEmpty ? "—" : a.action.due.text, into: &out)
            out += "<td>"
            if withWhy {
                for (i, reason) in a.reasons.enumerated() {
                    if i > 0 { out += " " }
                    span("why " + severity(reason), reason.label, into: &out)
                }
            } else {
                span("status " + a.statusCode, a.statusPhrase, into: &out)
            }
            out += "</td><td>" + chip(a.action.progress) + "</td><td>" + chip(a.action.impact) + "</td></tr>\n"
        }
        out += "</tbody></table>\n"
    }

    /// `open`, the text escaped, `</td>`.
    private static func cell(_ open: String, _ text: String, into out: inout ReportOutput) {
        out += open
        out.appendHTML(text)
        out += "</td>"
    }

    /// The text escaped in a `<span>` of the given classes.
    private static func span(_ classes: String, _ text: String, into out: inout ReportOutput) {
        out += "<span class=\"" + classes + "\">"
        out.appendHTML(text)
        out += "</span>"
    }

    /// A rating as a coloured chip that also says its name.
    static func chip(_ r: Rating?) -> String {
        switch r {
        case .blue: chips[0]
        case .green: chips[1]
        case .amber: chips[2]
        case .red: chips[3]
        case .grey: chips[4]
        case nil: chips[5]
        }
    }

    /// Every chip, made once: two per action row.
    private static let chips = RatingCounts.order.map { r in
        "<span class=\"chip \(HTMLBar.cssClass(r))\">\(HTMLBar.name(r))</span>"
    }

    private static func recorded(_ text: String, _ rating: Rating?) -> String {
        rating.map(chip) ?? (text.collapsingWhitespace().isEmpty ? chip(nil) : h(text))
    }

    private static func severity(_ r: ExceptionReason) -> String {
        switch r {
        case .progressRed, .impactRed, .overdue, .unratedPastDue: "severe"
        case .progressAmber, .milestoneOverdue: "warn"
        }
    }
}
