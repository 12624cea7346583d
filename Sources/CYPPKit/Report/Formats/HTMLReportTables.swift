/// The HTML report's tables. Numbers are the model's; text goes through `HTMLEscape`.
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

    static func plans(_ report: Report) -> String {
        var out =
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
        return out + "</tbody></table>\n</section>\n"
    }

    static func outcomesOverview(_ report: Report) -> String {
        var out =
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
        return out + "</tbody></table>\n</section>\n"
    }

    /// The cells the plans and outcomes overviews share: a Progress bar, then actions, complete,
    /// overdue and due soon.
    private static func figureCells(_ f: Figures, barLabel: String) -> String {
        "<td class=\"barcell\">\(HTMLBar.svg(f.progress, label: barLabel, compact: true))</td>"
            + "<td class=\"n\">\(f.actions)</td><td class=\"n\">\(f.complete.count) (\(f.complete.percent)%)</td>"
            + "<td class=\"n\">\(f.overdue)</td><td class=\"n\">\(f.dueSoon)</td>"
    }

    static func exceptions(_ report: Report) -> String {
        var out = "<section id=\"exceptions\">\n<h2>Exceptions (\(report.exceptions.count))</h2>\n"
        guard !report.exceptions.isEmpty else {
            return out + "<p class=\"empty\">None: nothing Red, Amber, overdue or unrated past due.</p>\n</section>\n"
        }
        out +=
            "<p class=\"note\">Red or Amber Progress, Red Impact, past the deadline, or a milestone past its own date; most serious first.</p>\n"
        return out + actions(report.exceptions, report, showPlan: report.isPortfolio, withWhy: true) + "</section>\n"
    }

    static func changes(_ report: Report) -> String {
        let c = report.changes
        var out =
            "<section id=\"changes\">\n<h2>" + (c.since.map { "Changes since \($0)" } ?? "Changes since the last meeting")
            + "</h2>\n"
        switch c.state {
        case .noHistory:
            return out
                + "<p class=\"empty\">No rating history yet: <code>cyppctl rate</code> records it beside each plan.</p>\n</section>\n"
        case .noSince:
            return out
                + "<p class=\"empty\">Give <code>--since DATE</code> (the last meeting) to see rating changes and stale actions.</p>\n</section>\n"
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
        out +=
            c.stale.isEmpty
            ? "<p class=\"empty\">None: every open action was re-rated.</p>\n"
            : "<p class=\"note\">\(Plural.count(c.stale.count, "open action has", "open actions have")) no rating change recorded since the last meeting.</p>\n"
                + actions(c.stale, report, showPlan: report.isPortfolio, withWhy: false)
        if !c.plansWithoutHistory.isEmpty {
            out += "<p class=\"note\">No history yet for " + c.plansWithoutHistory.map(h).joined(separator: ", ") + ".</p>\n"
        }
        return out + "</section>\n"
    }

    static func owners(_ report: Report) -> String {
        var out =
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
        return out + "</tbody></table>\n</section>\n"
    }

    /// Ref, action with its narrative, owner, due, status (or why), Progress and Impact chips.
    static func actions(_ rows: some RandomAccessCollection<ReportAction>, _ report: Report, showPlan: Bool, withWhy: Bool) -> String {
        var out =
            "<table class=\"actions\"><thead><tr>" + (showPlan ? "<th>Plan</th>" : "")
            + "<th>Ref</th><th>Action</th><th>Owner</th><th>Due</th><th>\(withWhy ? "Why" : "Status")</th>"
            + "<th>Progress</th><th>Impact</th></tr></thead><tbody>\n"
        for a in rows {
            let narrative = a.action.narrative.map { $0.isEmpty ? "" : "<span class=\"narr\">\(h($0))</span>" } ?? ""
            let milestones = a.overdueMilestones.map { m in
                "<span class=\"narr\">Milestone \(m.number) (due \(h(m.due))): \(h(m.text))</span>"
            }.joined()
            let status =
                withWhy
                ? a.reasons.map { "<span class=\"why \(severity($0))\">\(h($0.label))</span>" }.joined(separator: " ")
                : "<span class=\"status \(a.statusCode)\">\(h(a.statusPhrase))</span>"
            out +=
                "<tr>" + (showPlan ? "<td>\(h(report.plan(of: a).label))</td>" : "")
                + "<td class=\"ref\">\(h(a.action.ref))</td><td>\(h(a.action.text))\(narrative)\(withWhy ? milestones : "")</td>"
                + "<td>\(h(a.owner ?? "—"))</td><td class=\"due\">\(h(a.action.due.text.isEmpty ? "—" : a.action.due.text))</td>"
                + "<td>\(status)</td><td>\(chip(a.action.progress))</td><td>\(chip(a.action.impact))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// A rating as a coloured chip that also says its name.
    static func chip(_ r: Rating?) -> String {
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
