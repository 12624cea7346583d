import Foundation

/// What `overdue` should print for the fixture plans, worked out independently of CYPPKit:
/// deadlines come from a table written by hand (Tests/Fixtures/overdue/expected-deadlines.tsv),
/// day counts from Foundation's calendar, the order from a sort written here.
struct OverdueExpectation {
    static let folder = "Tests/Fixtures/overdue/plans"
    static let columns = ["plan", "ref", "milestone", "outcome", "action", "owner", "due", "deadline",
                          "days_overdue", "status", "progress", "impact", "person"]

    /// One hand-written line of expected-deadlines.tsv, by column name.
    struct Item {
        let fields: [String: String]
        subscript(_ key: String) -> String { fields[key] ?? "" }
    }

    static let items: [Item] = {
        let text = (try? String(contentsOfFile: Run.fixture("overdue/expected-deadlines.tsv"), encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Item(fields: Dictionary(uniqueKeysWithValues: zip(header, cells)))
        }
    }()

    static func date(_ iso: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let p = iso.split(separator: "-").compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2])) ?? .distantPast
    }

    static func daysBetween(_ from: String, _ to: String) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar.dateComponents([.day], from: date(from), to: date(to)).day ?? .min
    }

    /// Expected rows as column → cell text (TSV spelling), in the documented order.
    static func rows(asOf: String, within: Int? = nil, keep: (Item) -> Bool = { _ in true }) -> [[String: String]] {
        var out: [(days: Int, item: Item)] = []
        for item in items where item["progress"] != "Blue" && keep(item) {
            let late = daysBetween(item["deadline"], asOf)
            let dueSoon = within.map { late <= 0 && -late <= $0 } ?? false
            if late > 0 || dueSoon { out.append((late, item)) }
        }
        out.sort { a, b in
            if a.days != b.days { return a.days > b.days }
            if a.item["plan"] != b.item["plan"] { return a.item["plan"] < b.item["plan"] }
            let ra = a.item["ref"].split(separator: ".").compactMap { Int($0) }
            let rb = b.item["ref"].split(separator: ".").compactMap { Int($0) }
            if ra != rb { return ra.lexicographicallyPrecedes(rb) }
            return (Int(a.item["milestone"]) ?? 0) < (Int(b.item["milestone"]) ?? 0)
        }
        return out.map { days, item in
            var row = item.fields
            row["plan"] = folder + "/" + item["plan"]
            row["days_overdue"] = String(days)
            row["status"] = days > 0 ? "overdue" : "due-soon"
            return row
        }
    }

    static func tsv(_ rows: [[String: String]], header: Bool = true) -> String {
        (header ? columns.joined(separator: "\t") + "\n" : "")
            + rows.map { row in columns.map { row[$0] ?? "" }.joined(separator: "\t") + "\n" }.joined()
    }

    /// RFC 4180 as a spreadsheet-safe writer should do it, written out here independently.
    static func csv(_ rows: [[String: String]]) -> String {
        func cell(_ column: String, _ s: String) -> String {
            var s = s
            let numeric = column == "days_overdue" || column == "milestone"
            if !numeric, let first = s.first, "=+-@".contains(first) { s = "'" + s }
            if s.contains(",") || s.contains("\"") || s.contains("\n") {
                s = "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
        return columns.joined(separator: ",") + "\r\n"
            + rows.map { row in columns.map { cell($0, row[$0] ?? "") }.joined(separator: ",") + "\r\n" }.joined()
    }
}
