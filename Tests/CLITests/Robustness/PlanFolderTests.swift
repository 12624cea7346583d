import Foundation
import Testing

/// A plans folder holding things that are not plan files: what a folder scan reads and says.
@Suite("Plan folders with non-files in them")
struct PlanFolderTests {
    static func folder() throws -> ScratchPlans {
        let scratch = try ScratchPlans("Tests/Fixtures/markdown/basic.md")
        try FileManager.default.createDirectory(atPath: scratch.path("plans/archive.md"), withIntermediateDirectories: false)
        return scratch
    }

    /// The README: a folder contributes its files, not its subfolders, even one named `x.md`.
    @Test func aSubfolderNamedLikeAPlanIsSkipped() throws {
        let scratch = try Self.folder()
        let run = try scratch.cyppctl("check")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok: 1 plan, 4 actions"))
    }

    /// A broken link inside ./plans is named; it is not "there is no ./plans folder".
    @Test func aBrokenLinkInThePlansFolderIsNamed() throws {
        let scratch = try Self.folder()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("plans/loop.md"), withDestinationPath: "loop.md")
        let run = try scratch.cyppctl("list")
        #expect(run.status == 66)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "cyppctl: error: plans/loop.md: no such file or directory\n")
    }

    /// A named pipe with no writer reads as an empty file at once (it used to block for ever).
    @Test func aFIFOInThePlansFolderIsAnEmptyFileNotAHang() throws {
        let scratch = try Self.folder()
        #expect(mkfifo(scratch.path("plans/pipe.md"), 0o644) == 0)
        let run = try TimedRun.cyppctl(["check"], in: scratch.url)
        #expect(run.exited && run.status == 65 && run.seconds < 10, "\(run.summary)")
        #expect(run.stderr.contains("plans/pipe.md:1:1: error: file is empty"))
    }

    /// A plan piped in through process substitution (a FIFO with a writer) is read whole.
    @Test func aPlanThroughAPipeIsRead() throws {
        let run = try TimedRun.launch(
            "/bin/bash", ["-c", "'\(Run.binary.path)' check <(cat Tests/Fixtures/markdown/basic.md)"], in: Run.root)
        #expect(run.exited && run.status == 0, "\(run.summary)")
        #expect(run.stdoutText.hasPrefix("ok: 1 plan, 4 actions"))
    }
}
