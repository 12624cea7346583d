import Foundation
import Testing
@testable import CYPPKit

@Suite("rate: the locked read-modify-write")
struct RateTransactionTests {
    static let markdown = Repo.shippedPlans[0], csv = Repo.shippedPlans[1]

    static func request(_ ref: String, progress: Rating?, impact: Rating? = nil, note: String? = nil) -> RatingRequest {
        RatingRequest(ref: ref, progress: progress.map(RatingInput.rating) ?? .unrated, impact: impact.map(RatingInput.rating),
                      note: note, who: "Ruth Baker", time: "2026-11-23T10:00:00Z")
    }

    static func history(_ plan: String) -> [HistoryEntry] { HistoryFile.read(forPlan: plan).entries }

    @Test(arguments: [(markdown, "2.3"), (csv, "3.8"), (markdown, "5.6"), (csv, "6.5")])
    func onlyTheActionsLineChangesAndOneHistoryLinePerValue(relative: String, ref: String) throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy(relative)
        let before = scratch.bytes(path)
        let line = try #require(try Repo.read(path).plan.action(ref: ref)).action.location.line
        let result = try RateTransaction.run(Self.request(ref, progress: .green, impact: .amber, note: "On track, see minutes"),
                                             planPath: path, lockTimeout: 1)
        let after = scratch.bytes(path)
        #expect(changedLines(before, after) == [line])
        let reread = try #require(try Repo.read(path).plan.action(ref: ref)).action
        #expect(reread.progress == .green && reread.impact == .amber && reread.narrative == "On track, see minutes")
        #expect(result.recorded.map(\.field) == [.progress, .impact, .narrative])
        #expect(Self.history(path) == result.recorded)
        #expect(result.recorded.first == HistoryEntry(time: "2026-11-23T10:00:00Z", who: "Ruth Baker", plan: (path as NSString).lastPathComponent,
                                                      ref: ref, field: .progress, old: "", new: "Green", note: "On track, see minutes"))
        // Nothing but the plan, its history and its lock: no temp file left.
        let name = (path as NSString).lastPathComponent
        #expect(scratch.names() == ["." + name + ".lock", name, name + ".history.tsv"].sorted())
    }

    @Test func reRatingAValueAsItIsWritesNothing() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy(Self.csv)
        _ = try RateTransaction.run(Self.request("3.8", progress: .green), planPath: path, lockTimeout: 1)
        let bytes = scratch.bytes(path)
        let again = try RateTransaction.run(Self.request("3.8", progress: .green), planPath: path, lockTimeout: 1)
        #expect(again.recorded.isEmpty && !again.changedFile)
        #expect(scratch.bytes(path) == bytes)
        #expect(Self.history(path).count == 1)
        let back = try RateTransaction.run(Self.request("3.8", progress: nil), planPath: path, lockTimeout: 1)
        #expect(back.recorded.map(\.old) == ["Green"] && back.recorded.map(\.new) == [""])
        #expect(back.action.progress == nil)
    }

    @Test func aPlanWithErrorsIsRefusedAndLeftUntouched() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy("Tests/Fixtures/markdown/problems.md")
        let before = scratch.bytes(path)
        #expect {
            try RateTransaction.run(Self.request("1.2", progress: .green), planPath: path, lockTimeout: 1)
        } throws: { error in
            guard case RateError.invalidPlan(_, let diagnostics) = error else { return false }
            return diagnostics.contains { $0.code == .unknownRating } && diagnostics.allSatisfy { $0.severity == .error }
        }
        #expect(scratch.bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: HistoryFile.path(forPlan: path)))
    }

    @Test func permissionsAndAMissingFinalNewlineAreKept() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy("Tests/Fixtures/rate/crlf-no-final-newline.csv")
        #expect(chmod(path, 0o640) == 0)
        _ = try RateTransaction.run(Self.request("2.1", progress: .red, note: "Two lines\nof narrative"), planPath: path, lockTimeout: 1)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o640)
        #expect(stat(HistoryFile.path(forPlan: path), &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640)
        let text = String(decoding: scratch.bytes(path), as: UTF8.self)
        // The last row was edited; the file still ends without a newline, and the narrative's
        // line break follows the file's CRLF convention.
        #expect(text.hasSuffix("2: Safe,2.1,Third action,Q4 2021/22,DCS,Red,,\"Two lines\r\nof narrative\""))
        #expect(try Repo.read(path).plan.action(ref: "2.1")?.action.narrative == "Two lines\r\nof narrative")
    }

    @Test func aNoteWithoutANarrativeColumnGoesIntoTheHistoryOnly() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy("Tests/Fixtures/rate/no-narrative.md")
        let result = try RateTransaction.run(Self.request("1.1", progress: .green, note: "Agreed at board"), planPath: path, lockTimeout: 1)
        #expect(result.noteSkipped == .noNarrativeColumn)
        #expect(result.recorded.map(\.field) == [.progress])
        #expect(Self.history(path).map(\.note) == ["Agreed at board"])
        let short = try RateTransaction.run(Self.request("2.2", progress: .green, note: "x"), planPath: path, lockTimeout: 1)
        #expect(short.noteSkipped == .shortRow && !short.changedFile)
        let column = try RateTransaction.run(Self.request("2.1", progress: .red, note: "Recovery plan agreed"), planPath: path, lockTimeout: 1)
        #expect(column.noteSkipped == nil && column.recorded.map(\.field) == [.narrative])
        #expect(column.recorded.first?.old == "Slipped" && column.recorded.first?.new == "Recovery plan agreed")
        #expect(column.recorded.first?.note == "")
    }

    @Test func anUnknownRefOrAMissingCellChangesNothing() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy("Tests/Fixtures/rate/no-narrative.md")
        let before = scratch.bytes(path)
        #expect(throws: RateError.self) { try RateTransaction.run(Self.request("9.9", progress: .red), planPath: path, lockTimeout: 1) }
        // 2.2's row stops before its Impact cell.
        #expect(throws: RateError.self) {
            try RateTransaction.run(Self.request("2.2", progress: .red, impact: .red), planPath: path, lockTimeout: 1)
        }
        #expect(scratch.bytes(path) == before)
    }

    @Test func aHeldLockMakesTheRunGiveUpAfterItsTimeout() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy(Self.csv)
        let lock = try PlanLock.acquire(forPlan: path, timeout: 0)
        let start = ContinuousClock.now
        #expect(throws: RateError.self) { try RateTransaction.run(Self.request("3.8", progress: .red), planPath: path, lockTimeout: 0.3) }
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(300) && waited < .seconds(3))
        lock.release()
        #expect(try RateTransaction.run(Self.request("3.8", progress: .red), planPath: path, lockTimeout: 0.3).changedFile)
    }

    @Test func staleTempFilesAreRemovedUnderTheLockAndOthersKept() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy(Self.csv)
        let name = (path as NSString).lastPathComponent
        let stale = try scratch.write(".\(name).4242.9f3a.cyppctl-tmp", Array("partial".utf8))
        let other = try scratch.write(".\(name).csv.1.a.cyppctl-tmp", [])
        let result = try RateTransaction.run(Self.request("3.8", progress: .red), planPath: path, lockTimeout: 1)
        #expect(result.removedTemps == [stale])
        #expect(!FileManager.default.fileExists(atPath: stale) && FileManager.default.fileExists(atPath: other))
    }

    @Test func aSymbolicLinkIsFollowedNotReplaced() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.copy(Self.markdown)
        let link = scratch.url.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let result = try RateTransaction.run(Self.request("1.1", progress: .amber), planPath: link, lockTimeout: 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
        #expect(try Repo.read(path).plan.action(ref: "1.1")?.action.progress == .amber)
        #expect(result.historyPath == HistoryFile.path(forPlan: path))
        #expect(HistoryFile.read(forPlan: link).entries.count == 1)
    }

    @Test func historyAppendsNeverGlueOntoAnUnterminatedLine() throws {
        let scratch = try ScratchFolder()
        let plan = scratch.url.appendingPathComponent("p.md").path
        let entry = HistoryEntry(time: "2026-11-23T10:00:00Z", who: "a", plan: "p.md", ref: "1", field: .progress,
                                 old: "", new: "Red", note: "")
        _ = try scratch.write("p.md.history.tsv", Array((HistoryFile.header + "\n" + HistoryFile.line(entry).dropLast()).utf8))
        try HistoryFile.append([entry], forPlan: plan, mode: 0o644)
        let (entries, diagnostics) = HistoryFile.read(forPlan: plan)
        #expect(entries == [entry, entry], "\(entries)")
        #expect(diagnostics.isEmpty)
    }
}
