import Foundation
import Testing

/// `overdue` on more rows than its memory budget: sorted runs go through a temporary file.
@Suite("cyppctl overdue on a long listing")
struct OverdueSpillCommandTests {
    static let actions = 20_000

    /// A plan of `actions` overdue actions, deadlines spread over 400 days so many rows tie,
    /// action texts long enough that the rows pass the few megabytes kept in memory.
    static func longPlan() throws -> ScratchPlans {
        let scratch = try ScratchPlans()
        var csv = "Outcome,Ref,Action,Due Date,Lead,Progress\n"
        for i in 0..<actions {
            let day = 1 + i % 400
            let due = String(format: "2020-%02d-%02d", 1 + (day - 1) / 28 % 12, 1 + (day - 1) % 28)
            csv += "Outcome \(1 + i / 500),\(1 + i / 500).\(i % 500 + 1),\"Deliver the café’s plan, step \(i): "
                + String(repeating: "review and report ", count: 12) + "\",\(due),Owner \(i % 37),\n"
        }
        try csv.write(toFile: scratch.path("plans/long.csv"), atomically: true, encoding: .utf8)
        return scratch
    }

    @Test func everyRowListsOnceInTheDocumentedOrder() throws {
        let scratch = try Self.longPlan()
        let r = try scratch.cyppctl("overdue", "--as-of", "2022-01-01", "--format", "tsv", "--no-header", "plans")
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == Self.actions)
        #expect(Set(rows.map { $0[1] }).count == Self.actions)
        // Most overdue first; within a day, refs in natural order (1.2 before 1.10).
        for (a, b) in zip(rows, rows.dropFirst()) {
            let (da, db) = (Int(a[8])!, Int(b[8])!)
            #expect(da >= db)
            if da == db {
                let ra = a[1].split(separator: ".").map { Int($0)! }, rb = b[1].split(separator: ".").map { Int($0)! }
                #expect(ra.lexicographicallyPrecedes(rb))
            }
        }
    }

    /// The table for people is kept and sorted as the script formats are, so it fails alike.
    @Test(arguments: [["--format", "tsv"], []])
    func aTemporaryFolderThatCannotBeWrittenExits74AndPrintsNothing(format: [String]) throws {
        let scratch = try Self.longPlan()
        let r = try scratch.cyppctl(["overdue", "--as-of", "2022-01-01"] + format + ["plans"],
                                    environment: ["TMPDIR": scratch.path("no-such-folder")])
        #expect(r.status == 74)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("cannot create a temporary file in \(scratch.path("no-such-folder"))"))
        #expect(r.stderr.contains("set TMPDIR to a folder with room"))
    }
}
