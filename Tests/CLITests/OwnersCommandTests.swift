import Foundation
import Testing

@Suite("cyppctl owners, end to end")
struct OwnersCommandTests {
    static let folder = OverdueExpectation.folder

    /// Counted by hand from alpha.md and beta.csv at 2022-01-01 (owners.csv maps HoS (AL) to
    /// Ann Lee and DCS to Dev Patel; Bob Stone is listed without an email).
    static let expected = """
        person\temail\tactions\topen\toverdue\tred
        Ann Lee\tann.lee@example.org\t4\t3\t4\t1
        Bob Stone\t\t3\t3\t2\t1
        Cara Diaz\tcara.diaz@example.org\t1\t1\t0\t0
        Dev Patel\tdev.patel@example.org\t2\t1\t1\t0
        \t\t1\t1\t0\t0

        """

    @Test func tsvHasOneRowPerResolvedPerson() throws {
        let r = try Run.cyppctl("owners", "--as-of", "2022-01-01", "--format", "tsv", Self.folder)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == Self.expected)
        let bare = try Run.cyppctl("owners", "--as-of", "2022-01-01", "--format", "tsv", "--no-header", Self.folder)
        #expect(bare.stdout == Self.expected.split(separator: "\n", maxSplits: 1).last.map(String.init))
    }

    @Test func csvAndJSONCarryTheSameRows() throws {
        let csv = try Run.cyppctl("owners", "--as-of", "2022-01-01", "--format", "csv", Self.folder)
        #expect(csv.stdout == Self.expected.replacingOccurrences(of: "\t", with: ",").replacingOccurrences(of: "\n", with: "\r\n"))
        let json = try Run.cyppctl("owners", "--as-of", "2022-01-01", "--format", "json", Self.folder)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == 5)
        #expect(objects.allSatisfy { Set($0.keys) == ["person", "email", "actions", "open", "overdue", "red"] })
        #expect(objects[0]["person"] as? String == "Ann Lee" && objects[0]["overdue"] as? Int == 4)
        #expect(objects[1]["email"] is NSNull)
        #expect(objects[4]["person"] is NSNull && objects[4]["actions"] as? Int == 1)
    }

    @Test func theTableShowsEmailsAndTheUnowned() throws {
        let r = try Run.cyppctl("owners", "--as-of", "2022-01-01", Self.folder)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "PERSON      EMAIL                  ACTIONS  OPEN  OVERDUE  RED")
        #expect(lines.last == "(no owner)  -                      1        1     0        0")
        let shipped = try Run.cyppctl("owners", "--as-of", "2021-11-01")
        #expect(shipped.stdout.hasPrefix("PERSON  ") && !shipped.stdout.contains("EMAIL"))
    }

    /// `overdue` counts what `overdue --owner PERSON` lists, so a script can trust either.
    @Test(arguments: ["2021-11-01", "2022-01-01", "2022-06-01"])
    func overdueCountsMatchTheOverdueListing(asOf: String) throws {
        let owners = try Run.cyppctl("owners", "--as-of", asOf, "--format", "tsv", "--no-header", Self.folder)
        let rows = owners.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        var total = 0
        for row in rows where !row[0].isEmpty {
            let listed = try Run.cyppctl("overdue", "--as-of", asOf, "--owner", String(row[0]), "--format", "tsv", "--no-header", Self.folder)
            #expect(listed.stdout.split(separator: "\n").count == Int(row[4]), "\(row[0])")
            total += Int(row[4]) ?? 0
        }
        let unowned = rows.first { $0[0].isEmpty }.flatMap { Int($0[4]) } ?? 0
        #expect(total + unowned == OverdueExpectation.rows(asOf: asOf).count)
    }

    @Test func withoutAnOwnersFileOwnerCellsGroupByNamePart() throws {
        let r = try Run.cyppctl("owners", "--as-of", "2021-11-01", "--format", "tsv", "plans/southend-cypp-2018-2020.md")
        #expect(r.stdout.contains("\nJeff Banks\t\t4\t4\t4\t0\n"))
        #expect(r.stdout.contains("\nRuth Baker\t\t3\t3\t3\t0\n"))
    }

    @Test func checkWarnsAboutOwnersTheOwnersFileDoesNotResolve() throws {
        let folder = Run.fixture("overdue/unresolved")
        let r = try Run.cyppctl("check", folder)
        #expect(r.status == 0)
        #expect(r.stdout == "ok: 1 plan, 4 actions: 0 errors, 2 warnings\n")
        #expect(r.stderr == """
            \(folder)/plan.md:9:1: warning: owner 'HoS (ZZ)' is not in owners.csv (used 2 times); add a row with it as the Alias [CYPP024]
            \(folder)/plan.md:11:9: warning: owner 'Zoe Quinn, Commissioner' is not in owners.csv; add a row with it as the Alias [CYPP024]

            """)
        let listed = try Run.cyppctl("owners", "--as-of", "2021-09-01", "--format", "tsv", "--no-header", folder)
        #expect(listed.status == 0)
        #expect(listed.stdout == "Ann Lee\tann.lee@example.org\t2\t2\t2\t0\nHoS (ZZ)\t\t2\t2\t2\t1\nZoe Quinn\t\t0\t0\t1\t0\n")
        #expect(listed.stderr.contains("2 warnings"))
    }

    @Test func noOwnersWarningsWithoutAnOwnersFile() throws {
        let r = try Run.cyppctl("check", "--format", "json", Self.folder + "/alpha.md", "plans")
        #expect(r.status == 0)
        #expect(!r.stdout.contains("CYPP024"))
    }
}
