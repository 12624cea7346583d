import Foundation
import Testing

/// `cyppctl import` as a user runs it: the plan on stdout is one `check` accepts; the summary
/// on stderr names every line it could not place.
@Suite("cyppctl import, end to end")
struct ImportCommandTests {
    static func seed(_ name: String) -> String {
        Run.root.appendingPathComponent("Tests/Fixtures/seeds/" + name).path
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: [
        ("000_6953da8ca2fc3c53.txt", "5 outcomes, 30 actions, 0 milestones", 0),
        ("001_74f13835036de04e.txt", "4 areas of focus, 33 actions, 0 milestones", 421),
        ("002_9a6f74fda773d9f6.txt", "7 priorities, 218 actions, 21 milestones", 281),
        ("003_44542d0c2f9df46c.txt", "4 pillars, 38 actions, 90 milestones", 0),
        ("004_79e1332b5aaf95e0.txt", "6 priorities, 30 actions, 79 milestones", 57),
    ])
    func eachSeedImportsToAPlanThatCheckAccepts(seed: String, found: String, unplaced: Int) throws {
        let source = Self.seed(seed)
        let r = try Run.cyppctl("import", source)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("import: \(source): \(found) (layout: "))
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan.md")
        try r.stdout.write(to: plan, atomically: true, encoding: .utf8)
        let check = try Run.cyppctl("check", plan.path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("ok: 1 plan, \(found.split(separator: ",")[1].split(separator: " ")[0]) actions: 0 errors"))
        if unplaced == 0 {
            #expect(r.stderr.hasSuffix("unplaced lines: none\n"))
        } else {
            #expect(r.stderr.contains("unplaced lines (\(unplaced); not in the plan, copy by hand what you need):\n"))
            let listed = r.stderr.split(separator: "\n").drop { !$0.hasPrefix("unplaced lines (") }.dropFirst()
            #expect(listed.count == unplaced)
            #expect(listed.allSatisfy { line in line.hasPrefix("  ") && line.dropFirst(2).prefix { $0 != ":" }.allSatisfy(\.isNumber) })
        }
    }

    @Test func theSummaryNamesEachGroupNoteAndUnplacedLine() throws {
        let r = try Run.cyppctl("import", Self.seed("004_79e1332b5aaf95e0.txt"))
        #expect(r.stderr.contains("\n  Priority 6: 4 actions — Work with children, young people and families to shape services\n"))
        #expect(r.stderr.contains("\n  line 227: ref '62' read as '6.2' (the document lost its dot)\n"))
        #expect(r.stderr.contains("\n  13: # Introduction\n  15: This Improvement Plan outlines our roadmap"))
        #expect(r.stdout.hasPrefix("---\nperiod: 2021–2023\nversion: Version 1.1 - Aug-Dec '21\n"))
        #expect(r.stdout.contains("\n## Priority 6: Work with children, young people and families to shape services\n"))
    }

    @Test func csvOutputSaysWhatItCouldNotHold() throws {
        let r = try Run.cyppctl("import", "--to", "csv", Self.seed("000_6953da8ca2fc3c53.txt"))
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Plan,period,status,Outcome,Why this is important to us,How we will know we are successful,Plans to which this outcome aligns,Ref,Action,Due Date,Owner,"))
        #expect(r.stderr.contains("not written (the output format has no place for it; use --to md to keep it):\n"))
        #expect(r.stderr.contains("\n  plan section 'BRAG rating'\n"))
        #expect(r.stderr.contains("\n  outcome 3 section 'Why this is important to us' (empty)\n"))
        #expect(r.stderr.contains("\n  metadata 'source: 000_6953da8ca2fc3c53.txt'\n"))
    }

    @Test func outWritesTheFileAtomicallyAndPicksTheFormatFromItsName() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("plan.csv")
        try "old contents".write(to: out, atomically: true, encoding: .utf8)
        let r = try Run.cyppctl("import", Self.seed("004_79e1332b5aaf95e0.txt"), "--out", out.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix("Plan,period,version,Priority,Expected outcome once delivered,Ref,Action,Start Date,Milestone,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plan.csv"])  // no temporary left behind
        let check = try Run.cyppctl("check", out.path)
        #expect(check.stdout == "ok: 1 plan, 30 actions: 0 errors, 0 warnings\n")
    }

    @Test func missingSourceExits66AndNoLayoutExits65() throws {
        let missing = try Run.cyppctl("import", "no/such/document.txt")
        #expect(missing.status == 66)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "cyppctl: error: no/such/document.txt: no such file or directory\n")
        let prose = Run.fixture("import/no-layout.txt")
        let none = try Run.cyppctl("import", prose)
        #expect(none.status == 65)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr.hasPrefix("cyppctl: error: \(prose): no plan layout recognised (expected a pipe table"))
    }

    /// The plan is still written, so a person can fix it, but the exit status says it needs fixing.
    @Test func aWrittenPlanWithErrorsExits65AndShowsThem() throws {
        let r = try Run.cyppctl("import", Run.fixture("import/duplicate-refs.txt"))
        #expect(r.status == 65)
        #expect(r.stdout.contains("| 1.1 | Second with the same ref | June 2024 | DCS |"))
        #expect(r.stderr.contains("check of the written plan:\n  plan line 12: error: duplicate ref '1.1' (first used on line 11); refs must be unique in a plan [CYPP006]\n"))
    }

    @Test func badArgumentsAreUsageErrors() throws {
        #expect(try Run.cyppctl("import").status == 64)
        let format = try Run.cyppctl("import", "--to", "xlsx", Self.seed("000_6953da8ca2fc3c53.txt"))
        #expect(format.status == 64)
        #expect(format.stderr.hasPrefix("cyppctl: error: invalid value 'xlsx' for '--to' (expected one of: md, csv)\n"))
        let unwritable = try Run.cyppctl("import", Self.seed("000_6953da8ca2fc3c53.txt"), "--out", "/no/such/dir/plan.md")
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr == "cyppctl: error: cannot write '/no/such/dir/plan.md': folder '/no/such/dir' does not exist\n")
        let help = try Run.cyppctl("import", "--help")
        #expect(help.status == 0 && help.stdout.hasPrefix("USAGE: cyppctl import [options] SOURCE\n"))
    }
}

@Suite("cyppctl import, nothing found")
struct ImportNothingTests {
    @Test func aRecognisedLayoutWithNoActionsExits65AndWritesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cypp-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("doc.txt")
        try Data("Anytown CYPP\n\n| Action | Due Date | Owner |\n|---|---|---|\n".utf8).write(to: source)
        let out = dir.appendingPathComponent("plan.md").path
        let r = try Run.cyppctl("import", source.path, "--out", out)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no actions found, so nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

@Suite("Review fixes, end to end")
struct ReviewFixTests {
    @Test func aMistypedPathToHistoryIsMissingInputNotARef() throws {
        let r = try Run.cyppctl("history", "/tmp/no-such-plans-copy")
        #expect(r.status == 66)
        #expect(r.stderr == "cyppctl: error: /tmp/no-such-plans-copy: no such file or directory\n")
    }

    @Test func personMatchesExactlyWhereOwnerMatchesASubstring() throws {
        let plans = Run.fixture("overdue/plans")
        let exact = try Run.cyppctl("overdue", "--as-of", "2022-01-01", "--format", "tsv", "--no-header", "--person", "ann lee", plans)
        let rows = exact.stdout.split(separator: "\n")
        #expect(exact.status == 0)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.hasSuffix("\tAnn Lee") })
        let nobody = try Run.cyppctl("overdue", "--as-of", "2022-01-01", "--format", "tsv", "--no-header", "--person", "Ann", plans)
        #expect(nobody.stdout.isEmpty)
        #expect(nobody.status == 0)
        #expect(nobody.stderr.contains("warning: no action in the plans is owned by 'Ann'; 'cyppctl owners' lists the people"))
        #expect(!exact.stderr.contains("no action in the plans is owned by"))
    }

    /// A person who owns actions but has nothing overdue gets the plain empty listing, with
    /// no warning: the name was right.
    @Test func aKnownPersonWithNothingOverdueIsNotWarnedAbout() throws {
        let plans = Run.fixture("overdue/plans")
        let early = try Run.cyppctl("overdue", "--as-of", "2000-01-01", "--person", "  ANN   lee ", plans)
        #expect(early.status == 0)
        #expect(early.stdout.hasPrefix("nothing overdue as of 2000-01-01"))
        #expect(!early.stderr.contains("no action in the plans is owned by"))
    }
}

@Suite("report --out chooses the format from the extension")
struct ReportOutExtensionTests {
    @Test func anHTMLFileNameGivesHTMLUnlessFormatSaysOtherwise() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cypp-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = Run.fixture("markdown/basic.md")
        let html = dir.appendingPathComponent("paper.html").path
        #expect(try Run.cyppctl("report", "--as-of", "2025-01-01", "--out", html, plan).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let forced = dir.appendingPathComponent("paper2.html").path
        #expect(try Run.cyppctl("report", "--as-of", "2025-01-01", "--format", "json", "--out", forced, plan).status == 0)
        #expect(try String(contentsOfFile: forced, encoding: .utf8).hasPrefix("{"))
    }
}

@Suite("list --owner resolves owners.csv aliases")
struct ListOwnerAliasTests {
    @Test(arguments: ["table", "json", "csv"])
    func anAliasCountsAsThePersonItNames(format: String) throws {
        let r = try Run.cyppctl("list", "--owner", "Ann Lee", "--format", format, Run.fixture("overdue/plans"))
        #expect(r.status == 0)
        #expect(r.stdout.contains("HoS (AL)"), "the alias row is listed")
        #expect(r.stdout.contains("Ann Lee, Head of Safeguarding"))
        // Bob Stone's 1.2 is not hers; his 2.1 is listed because one of its milestones is.
        #expect(!r.stdout.contains("Dev Patel") && !r.stdout.contains("Train every team manager"))
    }
}
