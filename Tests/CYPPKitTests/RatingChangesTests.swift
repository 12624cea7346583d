import Foundation
import Testing
@testable import CYPPKit

@Suite("History times, trends and changes since a day")
struct RatingChangesTests {
    @Test(arguments: [
        ("2026-11-23T10:00:00Z", 1_795_428_000),
        ("2026-11-23T11:00:00+01:00", 1_795_428_000),
        ("2026-11-23T05:00:00-05:00", 1_795_428_000),
        ("2026-11-23T10:00:00.250Z", 1_795_428_000),
        ("2026-11-23T10:00:00+0100", 1_795_424_400),
    ])
    func stampsReadAsInstants(stamp: String, seconds: Int) {
        #expect(HistoryTime.instant(stamp) == seconds)
    }

    @Test(arguments: ["", "2026-11-23", "2026-11-23T10:00:00", "2026-11-23 10:00:00Z", "2026-11-23T25:00:00Z",
                      "2026-11-23T10:00:00Zjunk", "2026-02-30T10:00:00Z", "2026-11-23T10:00:00+1"])
    func otherTextIsNoInstant(text: String) {
        #expect(HistoryTime.instant(text) == nil)
    }

    @Test(arguments: [
        (1_795_428_000, 0, "2026-11-23T10:00:00Z"), (1_795_428_000, 3600, "2026-11-23T11:00:00+01:00"),
        (1_795_428_000, -11 * 3600, "2026-11-22T23:00:00-11:00"), (1_795_428_000, 19_800, "2026-11-23T15:30:00+05:30"),
    ])
    func stampsAnInstantInAnOffsetAndReadItBack(instant: Int, offset: Int, expected: String) {
        #expect(HistoryTime.stamp(instant: instant, offset: offset) == expected)
        #expect(HistoryTime.instant(expected) == instant)
        #expect(HistoryTime.offset(expected) == offset)
    }

    @Test(arguments: [
        (Rating.red, Rating.amber, Trend.up), (.amber, .green, .up), (.green, .blue, .up), (.red, .blue, .up),
        (.blue, .green, .down), (.amber, .red, .down), (.green, .green, .same),
        (.grey, .green, .none), (.green, .grey, .none), (.grey, .grey, .same),
    ])
    func trendsFollowRedAmberGreenBlueWithGreyAside(from: Rating, to: Rating, trend: Trend) {
        #expect(Trend(from: from, to: to) == trend)
    }

    @Test func unratedHasNoDirection() {
        #expect(Trend(from: nil, to: .green) == Trend.none)
        #expect(Trend(from: .red, to: nil) == Trend.none)
        #expect(Trend(from: nil, to: nil) == .same)
    }

    static func rated(_ time: String, _ plan: String = "a.md", ref: String, _ field: HistoryEntry.Field,
                      _ old: String, _ new: String) -> HistoryEntry {
        HistoryEntry(time: time, who: "rb", plan: plan, ref: ref, field: field, old: old, new: new, note: "n \(time)")
    }

    static let entries = [
        rated("2026-09-01T09:00:00Z", ref: "1.10", .progress, "", "Red"),  // before the window: its old is not used
        rated("2026-10-01T09:00:00Z", ref: "1.10", .progress, "Red", "Amber"),
        rated("2026-10-20T09:00:00Z", ref: "1.10", .progress, "Amber", "Green"),
        rated("2026-10-02T09:00:00Z", ref: "1.2", .impact, "Green", "Amber"),
        rated("2026-10-02T09:00:00Z", ref: "1.2", .narrative, "old", "new"),
        rated("2026-10-03T09:00:00Z", ref: "1.2", .progress, "Grey", "Green"),
        rated("2026-10-05T09:00:00Z", "b.csv", ref: "1.1", .progress, "Amber", "Red"),
        rated("2026-10-06T09:00:00Z", "b.csv", ref: "1.1", .progress, "Red", "Amber"),
        // Written later in the file, but earlier in time (rate --as-of): ordered by time.
        rated("2026-10-01T08:00:00+01:00", ref: "1.2", .impact, "Blue", "Green"),
    ]

    @Test func changesSinceADayRunFromTheWindowsFirstOldToItsLastNew() throws {
        let day = try #require(Day(iso: "2026-10-01"))
        let changes = RatingChanges.since(day, entries: Self.entries)
        #expect(changes.map { "\($0.plan) \($0.ref) \($0.field)" } == [
            "a.md 1.2 progress", "a.md 1.2 impact", "a.md 1.10 progress", "b.csv 1.1 progress",
        ])
        #expect(changes.map(\.from) == [.grey, .blue, .red, .amber])
        #expect(changes.map(\.to) == [.green, .amber, .green, .amber])
        #expect(changes.map(\.trend) == [Trend.none, .down, .up, .same])
        #expect(changes.map(\.count) == [1, 2, 2, 2])
        #expect(changes[2].latest.time == "2026-10-20T09:00:00Z")
    }

    @Test func aWindowCanEndAndCanBeEmpty() throws {
        let since = try #require(Day(iso: "2026-10-01")), through = try #require(Day(iso: "2026-10-10"))
        let bounded = RatingChanges.since(since, through: through, entries: Self.entries)
        let change = try #require(bounded.first { $0.ref == "1.10" })
        #expect(change.from == .red && change.to == .amber && change.trend == .up)
        #expect(RatingChanges.since(try #require(Day(iso: "2027-01-01")), entries: Self.entries).isEmpty)
    }

    @Test func refsSortNumerically() {
        #expect(["1.10", "2", "1.2", "1.1", "10.1", "A"].sorted(by: RatingChanges.refOrder) == ["1.1", "1.2", "1.10", "2", "10.1", "A"])
    }
}

@Suite("Atomic replace")
struct AtomicFileTests {
    @Test(arguments: [
        (".plan.md.123.ab12.cyppctl-tmp", true),
        (".plan.md.1.f.cyppctl-tmp", true),
        (".plan.md.cyppctl-tmp", false),
        (".plan.md.x.ab.cyppctl-tmp", false),
        (".plan.md.12.xyz.cyppctl-tmp", false),
        (".plan.md.csv.12.ab.cyppctl-tmp", false),
        ("plan.md.12.ab.cyppctl-tmp", false),
        (".plan.md.12.ab.tmp", false),
    ])
    func tempNamesAreRecognisedExactly(name: String, isTemp: Bool) {
        #expect(AtomicFile.isTemp(name, forPlanNamed: "plan.md") == isTemp)
    }

    @Test func tempNamesAreHiddenUniqueAndRecognised() {
        let a = AtomicFile.tempPath(for: "/x/plan.md"), b = AtomicFile.tempPath(for: "/x/plan.md")
        #expect(a != b)
        let name = (a as NSString).lastPathComponent
        #expect(name.hasPrefix(".") && AtomicFile.isTemp(name, forPlanNamed: "plan.md") && !PlanFiles.isPlanFile(name))
    }

    @Test func replaceKeepsModeAndLeavesNoTemp() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write("plan.csv", Array("a,b\n".utf8))
        #expect(chmod(path, 0o604) == 0)
        try AtomicFile.replace(path, with: Array("c,d".utf8))
        #expect(scratch.bytes(path) == Array("c,d".utf8))
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o7777 == 0o604)
        #expect(scratch.names() == ["plan.csv"])
        #expect(throws: WriteError.self) { try AtomicFile.replace(scratch.url.appendingPathComponent("none.csv").path, with: []) }
    }
}
