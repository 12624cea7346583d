import Foundation
import Testing

@testable import CYPPKit

/// The reader and editor fixes the malformed corpus and the fuzzer led to, one by one.
@Suite("Readers and rate on hostile input")
struct ReaderRobustnessTests {
    static let plan =
        "# T\n\n## 1. O\n\n| Ref | Action | Due Date | Progress | Narrative |\n|---|---|---|---|---|\n"
        + "| 1.1 | First | March 2019 | Green | ok |\n| 1.2 | Second | April 2019 | | |\n"

    @Test func aCROnlyMarkdownFileReadsAsItsLFTwin() {
        let lf = PlanLoader.parse(SourceText("p.md", Self.plan))
        let cr = PlanLoader.parse(SourceText("p.md", Self.plan.replacingOccurrences(of: "\n", with: "\r")))
        #expect(cr.plan.allActions.map(\.action.ref) == ["1.1", "1.2"])
        #expect(cr.plan.allActions.map(\.action) == lf.plan.allActions.map(\.action))
        #expect(cr.diagnostics == lf.diagnostics)
    }

    /// Only a file with no LF at all reads CRs as line ends: a stray CR in an LF file stays in its cell.
    @Test func aStrayCRInAnLFFileStaysInTheCell() throws {
        let text = Self.plan.replacingOccurrences(of: "| First |", with: "| Fir\rst |")
        let (plan, diagnostics) = PlanLoader.parse(SourceText("p.md", text))
        #expect(diagnostics.isEmpty)
        #expect(try #require(plan.action(ref: "1.1")).action.text == "Fir\rst")
    }

    @Test func aNULByteIsCYPP001AndSaysWhatTheFileProbablyIs() throws {
        let (_, diagnostics) = PlanLoader.parse(
            SourceText("p.md", Self.plan.replacingOccurrences(of: "Second", with: "Sec\u{0}ond")))
        let d = try #require(diagnostics.first { $0.code == .invalidUTF8 })
        #expect(d.location.line == 8 && d.location.column == 12)
        #expect(d.message.contains("NUL byte") && d.message.contains("UTF-16"))
    }

    @Test(arguments: [[UInt8]([0xFF, 0xFE]), [0xFE, 0xFF]])
    func aUTF16FileIsNamedAsSuch(bom: [UInt8]) throws {
        let body =
            bom == [0xFF, 0xFE]
            ? Array(Self.plan.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            : Array(Self.plan.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for path in ["p.md", "p.csv"] {
            let (_, diagnostics) = PlanLoader.parse(SourceText(path: path, bytes: bom + body))
            let d = try #require(diagnostics.first { $0.code == .invalidUTF8 }, "\(path)")
            #expect(d.message == "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
        }
    }

    /// 50,000 header cells, many repeated: every one gets a distinct name, in order.
    @Test func aWideHeaderNamesEveryColumnOnce() throws {
        let names = ["Ref", "Action"] + (0..<50_000).map { "C\($0 % 7)" }
        let text =
            "Outcome,Ref,Action," + names.dropFirst(2).joined(separator: ",") + "\n1: O,1.1,A"
            + String(repeating: ",v", count: 50_000) + "\n"
        let (plan, _) = PlanLoader.parse(SourceText("wide.csv", text))
        let extras = try #require(plan.action(ref: "1.1")).action.extras
        #expect(extras.count == 50_000)
        #expect(Set(extras.map(\.name)).count == 50_000)
        #expect(extras[7].name == "C0 (column 11)")
    }

    @Test func aFolderNamedLikeAPlanIsNotRead() throws {
        let folder = try ScratchFolder()
        _ = try folder.write("a.md", Array(Self.plan.utf8))
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("archive.md"), withIntermediateDirectories: false)
        #expect(try PlanFiles.expand([folder.url.path]).map { ($0 as NSString).lastPathComponent } == ["a.md"])
    }

    /// The folder's listing says "link" for a link: where it leads decides. A link to a plan
    /// is read; a link to a folder is skipped like a folder, even when named like a plan.
    @Test func linksInAPlansFolderAreJudgedByWhereTheyLead() throws {
        let folder = try ScratchFolder(), elsewhere = try ScratchFolder()
        _ = try folder.write("a.md", Array(Self.plan.utf8))
        let target = try elsewhere.write("b.md", Array(Self.plan.utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("b.md").path, withDestinationPath: target)
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("old.md").path, withDestinationPath: elsewhere.url.path)
        #expect(try PlanFiles.expand([folder.url.path]).map { ($0 as NSString).lastPathComponent } == ["a.md", "b.md"])
    }

    @Test func aFIFOWithNoWriterReadsAsEmptyAtOnceAndADeviceIsRefused() throws {
        let folder = try ScratchFolder()
        let fifo = folder.url.appendingPathComponent("pipe.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let file = try MappedFile(path: fifo)
        #expect(file.bytes.isEmpty)
        #expect(throws: InputError.unreadable("/dev/null", "is not a regular file (a device or socket?)")) {
            try MappedFile(path: "/dev/null")
        }
    }

    /// What the fuzzer found: a note with `<br>` could not be written to a Markdown plan, and
    /// rate refused with "please report this". It is the line break it reads as.
    @Test(arguments: ["p.md", "p.csv"])
    func aNoteWithBrIsRecordedAsTheLineBreakTheCellHolds(name: String) throws {
        let folder = try ScratchFolder()
        let csv = "Outcome,Ref,Action,Progress,Narrative\n1: O,1.1,First,Green,ok\n"
        let path = try folder.write(name, Array((name.hasSuffix(".md") ? Self.plan : csv).utf8))
        let note = "See <br> minutes | item 2\rand<BR>more"
        let result = try RateTransaction.run(
            RatingRequest(ref: "1.1", note: note, who: "t", time: "2026-01-01T10:00:00Z"),
            planPath: path, lockTimeout: 1)
        let expected = name.hasSuffix(".md") ? "See \n minutes | item 2\nand\nmore" : note
        #expect(result.action.narrative == expected)
        #expect(try #require(try Repo.read(path).plan.action(ref: "1.1")).action.narrative == expected)
        #expect(result.recorded.first { $0.field == .narrative }?.new == expected)
    }

    /// The fuzzer's second find: an odd run of backslashes before a pipe escaped the pipe's own
    /// escape, so the narrative cell split there. The pipe is now kept apart from them by a space.
    @Test func aNoteWithBackslashesBeforePipesStaysInItsCell() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("p.md", Array(Self.plan.utf8))
        let note = #"C:\|x \\|y \\\|z |\"#
        let result = try RateTransaction.run(
            RatingRequest(ref: "1.1", note: note, who: "t", time: "2026-01-01T10:00:00Z"),
            planPath: path, lockTimeout: 1)
        let expected = #"C:\ |x \\|y \\\ |z |\"#
        #expect(MarkdownCellText.normalised(note) == expected)
        #expect(result.action.narrative == expected)
        let (plan, diagnostics, _) = try Repo.read(path)
        #expect(diagnostics.isEmpty)
        #expect(try #require(plan.action(ref: "1.1")).action.narrative == expected)
    }
}
