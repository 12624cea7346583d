import Foundation
@testable import CYPPKit

/// The five seed documents, copied from the product material into `Tests/Fixtures/seeds/` so a
/// clone anywhere tests against them.
enum Seeds {
    static let cypp2018 = "000_6953da8ca2fc3c53.txt"
    static let cypp2016 = "001_74f13835036de04e.txt"
    static let cypp2008 = "002_9a6f74fda773d9f6.txt"
    static let thurrock2012 = "003_44542d0c2f9df46c.txt"
    static let improvement2021 = "004_79e1332b5aaf95e0.txt"
    static let all = [cypp2018, cypp2016, cypp2008, thurrock2012, improvement2021]

    static func path(_ name: String) -> String {
        Repo.path("Tests/Fixtures/seeds/" + name)
    }

    static func document(_ name: String) throws -> ImportDocument {
        try PlanImporter.read(file: path(name))
    }

    static func imported(_ name: String) throws -> ImportResult {
        try PlanImporter.importPlan(document(name))
    }

    /// The shipped plan made from each seed.
    static let plans = [
        cypp2018: "plans/southend-cypp-2018-2020.md", cypp2016: "plans/southend-cypp-2016-2017.md",
        cypp2008: "plans/southend-cypp-2008-2009.md", thurrock2012: "plans/thurrock-cypp-2012-2013.md",
        improvement2021: "plans/southend-improvement-plan-2021-2023.csv",
    ]
}

/// A fixture document for the import tests.
func importFixture(_ name: String) throws -> ImportResult {
    try PlanImporter.importPlan(PlanImporter.read(file: Repo.fixture("import/" + name)))
}

/// What a plan says, without where it says it (lines, byte ranges, path, format): two plans
/// with equal content are the same plan to a user.
struct PlanContent: Equatable, CustomStringConvertible {
    struct ActionContent: Equatable {
        var outcome: String
        var ref: String
        var text: String
        var start: String?
        var due: String
        var owner: String?
        var progress: Rating?
        var impact: Rating?
        var narrative: String?
        var milestones: [[String?]]
        var extras: [ExtraField]
    }

    var title: String
    var metadata: [ExtraField]
    var sections: [Section]
    var outcomes: [[String]]
    var outcomeSections: [[Section]]
    var actions: [ActionContent]

    init(_ plan: Plan) {
        title = plan.title
        metadata = plan.metadata
        sections = plan.sections
        outcomes = plan.outcomes.map { [$0.ref, $0.title] }
        outcomeSections = plan.outcomes.map(\.sections)
        actions = plan.allActions.map { o, a in
            ActionContent(outcome: o.ref, ref: a.ref, text: a.text, start: a.start?.text, due: a.due.text, owner: a.owner,
                          progress: a.progress, impact: a.impact, narrative: a.narrative,
                          milestones: a.milestones.map { [$0.text, $0.due?.text, $0.owner] }, extras: a.extras)
        }
    }

    var description: String { "\(title): \(outcomes.count) outcomes, \(actions.count) actions" }

    func withLFLineBreaks() -> PlanContent {
        var c = self
        for i in c.actions.indices { c.actions[i].narrative = c.actions[i].narrative?.replacingOccurrences(of: "\r\n", with: "\n") }
        return c
    }

    func withoutEmptyExtras() -> PlanContent {
        var c = self
        for i in c.actions.indices { c.actions[i].extras.removeAll { $0.value.isEmpty } }
        return c
    }

    /// Refs of actions that differ between two plans, and refs only one of them has.
    static func differingRefs(_ a: PlanContent, _ b: PlanContent) -> [String] {
        let left = Dictionary(a.actions.map { ($0.ref, $0) }, uniquingKeysWith: { x, _ in x })
        let right = Dictionary(b.actions.map { ($0.ref, $0) }, uniquingKeysWith: { x, _ in x })
        let refs = Set(left.keys).union(right.keys)
        return refs.filter { left[$0] != right[$0] }.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
    }
}

extension String {
    /// Writes to a fresh temporary file and returns its path.
    func writtenToTemporaryFile(named name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cyppkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
