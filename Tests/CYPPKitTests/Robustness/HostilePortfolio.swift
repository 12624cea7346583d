import Foundation

@testable import CYPPKit

/// Two plans whose every text field holds a marker that is markup, quotes and an entity at once
/// (`<mN a="q" b='s'>&amp;`): `Tests/Fixtures/safety/hostile.md` and `hostile.csv`, with an
/// owners file, copied under a file name that is hostile too, plus a history file whose who,
/// note and narrative are markers. A renderer that escapes everything shows each marker as text.
struct HostilePortfolio {
    static func marker(_ n: Int) -> String { "<m\(n) a=\"q\" b='s'>&amp;" }

    /// Marker numbers and the field each one is in.
    static let fields: [Int: String] = [
        1: "plan title", 2: "period", 3: "board", 4: "partnership", 5: "version", 6: "status",
        7: "plan section title", 8: "plan prose", 9: "outcome title", 10: "outcome section title",
        11: "outcome prose", 12: "action text", 13: "owner (an owners.csv alias)", 14: "due date text",
        15: "start date text", 16: "narrative", 17: "extra column name", 18: "extra column value",
        19: "milestone text", 20: "continuation milestone text", 21: "milestone due text",
        22: "milestone owner", 23: "action ref", 24: "second outcome title", 25: "owners.csv person",
        26: "owners.csv email", 27: "history who", 28: "history note", 29: "history narrative",
        30: "plan file name", 40: "CSV plan title", 41: "CSV version", 42: "CSV outcome",
        43: "CSV outcome prose", 44: "CSV action text", 45: "CSV owner", 46: "CSV narrative",
    ]

    let folder: ScratchFolder
    let portfolio: Portfolio
    let history: [String: [HistoryEntry]]
    static let asOf = Day(year: 2019, month: 6, day: 1)!
    static let since = Day(year: 2019, month: 1, day: 1)!

    init() throws {
        folder = try ScratchFolder()
        let name = "plan " + Self.marker(30) + ".md"
        try folder.copy("Tests/Fixtures/safety/hostile.md", as: name)
        try folder.copy("Tests/Fixtures/safety/hostile.csv")
        try folder.copy("Tests/Fixtures/safety/owners.csv")
        let lines = [
            "2019-02-01T10:00:00Z\t\(Self.marker(27))\t\(name)\t1.1\tprogress\tGreen\tRed\t\(Self.marker(28))",
            "2019-02-01T10:00:00Z\t\(Self.marker(27))\t\(name)\t1.1\tnarrative\tOld\t\(Self.marker(29))\t",
        ]
        _ = try folder.write(
            name + ".history.tsv", Array((HistoryFile.header + "\n" + lines.joined(separator: "\n") + "\n").utf8))
        portfolio = try PlanLoader.load([folder.url.path])
        history = Report.history(for: portfolio).entries
    }

    var report: Report {
        Report(portfolio: portfolio, options: .init(asOf: Self.asOf, horizon: 90, since: Self.since), history: history)
    }
}
