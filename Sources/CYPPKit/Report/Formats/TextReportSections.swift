/// The plain pieces of the text report: tables without colour, bar arithmetic, ANSI codes.
enum TextReportSections {
    static func subtitle(_ report: Report) -> String {
        let o = report.options
        var parts: [String] = []
        if let board = report.board { parts.append("For " + TextTable.terminalSafe(board)) }
        parts.append("as of \(o.asOf)")
        parts.append("due soon = by \(report.horizonEnd) (\(Plural.days(o.horizon)))")
        if let since = o.since { parts.append("changes since \(since)") }
        var out = parts.joined(separator: " · ") + "\n"
        if !report.isPortfolio, let plan = report.plans.first {
            out +=
                "Plan: " + TextTable.terminalSafe(plan.path)
                + (plan.period.map { " (period " + TextTable.terminalSafe($0) + ")" } ?? "") + "\n"
        }
        return out
    }

    static func plans(_ report: Report) -> String {
        var table = TextTable(headers: ["PLAN", "ACTIONS", "COMPLETE", "OVERDUE", "DUE SOON", "UNRATED", "EXCEPTIONS", "TITLE"])
        for p in report.plans {
            let f = p.figures
            table.add([
                p.label, String(f.actions), "\(f.complete.count) (\(f.complete.percent)%)", String(f.overdue),
                String(f.dueSoon), String(f.unrated), String(f.exceptions), p.title,
            ])
        }
        return indent(table.rendered())
    }

    static func owners(_ report: Report) -> String {
        var table = TextTable(headers: ["OWNER", "ACTIONS", "OVERDUE", "RED", "AMBER", "COMPLETE", "UNRATED", "AS WRITTEN"])
        for s in report.owners {
            let f = s.figures
            table.add([
                s.name, String(f.actions), String(f.overdue), String(f.progress.count(.red)), String(f.progress.count(.amber)),
                String(f.complete.count), String(f.unrated), s.cells.joined(separator: "; "),
            ])
        }
        return indent(table.rendered())
    }

    static func changesTitle(_ c: ReportChanges) -> String {
        c.since.map { "Changes since \($0)" } ?? "Changes since the last meeting"
    }

    /// "5 actions: Blue 1, Green 1, Amber 1, Red 1, unrated 1 · 3 overdue, 1 due soon"
    static func counts(_ f: Figures) -> String {
        let ratings = RatingCounts.order.compactMap { r -> String? in
            let n = f.progress.count(r)
            return n == 0 ? nil : "\(r?.rawValue ?? "unrated") \(n)"
        }
        return Plural.count(f.actions, "action", "actions") + ": " + ratings.joined(separator: ", ")
            + " · \(f.overdue) overdue, \(f.dueSoon) due soon"
    }

    static func travel(_ d: ReportChange.Direction) -> String {
        switch d {
        case .up: "↑ better"
        case .down: "↓ worse"
        case .aside: "→ moved"
        }
    }

    static func colour(of reason: ExceptionReason) -> Rating? {
        switch reason {
        case .progressRed, .impactRed: .red
        case .progressAmber: .amber
        case .overdue, .unratedPastDue, .milestoneOverdue: nil
        }
    }

    static func symbol(_ r: Rating?) -> Character {
        switch r {
        case .blue: "B"
        case .green: "G"
        case .amber: "A"
        case .red: "R"
        case .grey: "~"
        case nil: "."
        }
    }

    static func ansi(_ r: Rating?) -> String? {
        switch r {
        case .blue: "34"
        case .green: "32"
        case .amber: "33"
        case .red: "31"
        case .grey: "90"
        case nil: nil
        }
    }

    /// Splits `width` cells among the ratings by largest remainder; any non-zero count
    /// gets at least one cell so a single Red action is never invisible.
    static func apportion(_ counts: RatingCounts, width: Int) -> [(Rating?, Int)] {
        guard counts.total > 0 else { return [(nil, width)] }
        let present = RatingCounts.order.filter { counts.count($0) > 0 }
        var cells = present.map { max(1, counts.count($0) * width / counts.total) }
        let remainders = present.map { counts.count($0) * width % counts.total }
        var spare = width - cells.reduce(0, +)
        for i in remainders.indices.sorted(by: { remainders[$0] > remainders[$1] }) where spare > 0 {
            cells[i] += 1
            spare -= 1
        }
        while spare < 0, let i = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[i] > 1 {
            cells[i] -= 1
            spare += 1
        }
        return Array(zip(present, cells))
    }

    /// Wraps the whitespace-free words that start at character offset `start` (and the
    /// columns after it) in colour, leaving the alignment of the plain text untouched.
    static func paintColumns(_ line: String, at start: Int, _ ratings: [Rating?], paint: (String, Rating?) -> String) -> String {
        let chars = Array(line)
        guard start < chars.count else { return line }
        var out = String(chars.prefix(start))
        var i = start
        for r in ratings where i < chars.count {
            var j = i
            while j < chars.count, chars[j] != " " { j += 1 }
            out += paint(String(chars[i..<j]), r)
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            out += String(chars[j..<k])
            i = k
        }
        if i < chars.count { out += String(chars[i...]) }
        return out
    }

    static func indent(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}

extension String {
    /// Pads with spaces on the right to `width` characters (never cuts).
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    /// Pads with spaces on the left, for right-aligned numbers.
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
