import CYPPKit
import Foundation
import Testing

/// The corpus test: every command on every malformed input, through the built binary.
/// Each run must end by exit (never a signal), with the status the corpus table gives, a
/// `file:line` diagnostic on stderr when the plan is refused, nothing on stdout with an error,
/// output a terminal cannot be driven by, and in under 10 seconds (a debug build): a guard
/// against work that grows faster than the input (which takes minutes on these inputs), not a
/// speed figure: those come from `make bench`.
@Suite("Malformed corpus: every command on every input")
struct CorpusCommandTests {
    static let asOf = ["--as-of", "2030-01-01"]
    static let limit = 10.0

    @Test(arguments: CorpusCase.cases)
    func everyCommand(_ c: CorpusCase) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try c.materialise(in: folder)
        let file = c.name
        let ref = c.ref ?? "1.1"
        let readStatus: Int32 = c.unreadable ? 66 : c.rejected ? 65 : 0

        try checkCommand(c, in: folder)
        for format in ["table", "json", "csv"] { try judge(["list", "--format", format, file], readStatus, c, in: folder) }
        let showStatus: Int32 = readStatus == 0 && c.ref == nil ? 65 : readStatus
        for format in ["table", "json", "csv"] { try judge(["show", ref, "--format", format, file], showStatus, c, in: folder) }
        for format in ["table", "json", "csv", "tsv"] {
            try judge(["overdue", "--format", format] + Self.asOf + [file], readStatus, c, in: folder)
            try judge(["owners", "--format", format] + Self.asOf + [file], readStatus, c, in: folder)
        }
        for format in ["text", "md", "html", "json", "csv"] {
            try judge(["report", "--format", format] + Self.asOf + [file], readStatus, c, in: folder)
        }
        // history reads the history file beside the plan; the plan's own errors are check's business.
        for format in ["table", "json"] {
            try judge(["history", "--format", format, file], c.unreadable ? 66 : 0, c, in: folder)
        }
        try importCommand(c, in: folder)
        try rateCommand(c, ref: ref, in: folder)
    }

    /// `check` lists exactly the table's codes, as text on stderr and as JSON on stdout.
    private func checkCommand(_ c: CorpusCase, in folder: URL) throws {
        let status: Int32 = c.unreadable ? 66 : c.rejected ? 65 : 0
        let text = try judge(["check", c.name], status, c, in: folder)
        let json = try judge(["check", "--format", "json", c.name], status, c, in: folder)
        guard !c.unreadable else { return }
        let found = Set(text.stderr.matches(of: /\[(CYPP\d{3})\]/).map { String($0.1) })
        #expect(found == c.codes, "\(text.summary)")
        let items = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]], "\(json.summary)")
        #expect(Set(items.compactMap { $0["code"] as? String }) == c.codes)
        for item in items {
            #expect(item["file"] as? String == c.name)
            #expect((item["line"] as? Int).map { $0 >= 1 } == true, "\(item)")
        }
    }

    private func importCommand(_ c: CorpusCase, in folder: URL) throws {
        switch c.importOutcome {
        case .noLayout:
            let run = try judge(["import", c.name], 65, c, in: folder)
            #expect(run.stderr.contains("no plan layout recognised"), "\(run.summary)")
        case .noActions:
            let run = try judge(["import", c.name], 65, c, in: folder)
            #expect(run.stderr.contains(" 0 actions") && run.stderr.contains("nothing was written"), "\(run.summary)")
        case .unreadable:
            try judge(["import", c.name], 66, c, in: folder)
        }
    }

    /// `rate` on the file (a copy): refused with the file untouched, or changed and still clean.
    private func rateCommand(_ c: CorpusCase, ref: String, in folder: URL) throws {
        let path = folder.appendingPathComponent(c.name).path
        let before = FileManager.default.contents(atPath: path)
        let args = [
            "rate", ref, "--progress", "amber", "--impact", "green", "--note", "corpus \\| note <br> two", "--by", "corpus",
            c.name,
        ]
        switch c.rate {
        case .changes:
            try judge(args, 0, c, in: folder)
            #expect(FileManager.default.contents(atPath: path) != before)
            let after = try judge(["check", "--format", "json", c.name], 0, c, in: folder)
            let items = try #require(try JSONSerialization.jsonObject(with: after.stdout) as? [[String: Any]])
            #expect(Set(items.compactMap { $0["code"] as? String }) == c.codes, "rate changed what check says")
            let history = try judge(["history", "--format", "json", c.name], 0, c, in: folder)
            let entries = try #require(try JSONSerialization.jsonObject(with: history.stdout) as? [[String: Any]])
            #expect(Set(entries.compactMap { $0["field"] as? String }).isSuperset(of: ["progress", "impact"]))
        case .refused(let why):
            let status: Int32 = c.unreadable ? 66 : 65
            let run = try judge(args, status, c, in: folder)
            #expect(run.stderr.contains(why), "\(run.summary)")
            if case .fifo = c.source {
            } else {
                #expect(FileManager.default.contents(atPath: path) == before, "rate changed a file it refused")
            }
        }
    }

    /// Runs one command and checks what every run must satisfy; returns the run for more checks.
    @discardableResult
    private func judge(_ args: [String], _ status: Int32, _ c: CorpusCase, in folder: URL) throws -> TimedRun {
        try judge(args, [status], c, in: folder)
    }

    @discardableResult
    private func judge(_ args: [String], _ statuses: Set<Int32>, _ c: CorpusCase, in folder: URL) throws -> TimedRun {
        var run = try TimedRun.cyppctl(args, in: folder)
        if run.seconds >= Self.limit {
            // One retry: a load spike on a shared machine is not the program's fault; a slow path fails twice.
            run = try TimedRun.cyppctl(args, in: folder)
        }
        #expect(run.exited, "ended by a signal: \(run.summary)")
        #expect(statuses.contains(run.status), "expected exit \(statuses.sorted()): \(run.summary)")
        #expect(run.seconds < Self.limit, "too slow: \(run.summary)")
        #expect(
            !Self.hasTerminalControls(Array(run.stderr.utf8), allowing: [0x0A]), "control characters on stderr: \(run.summary)")
        let isCheckJSON = args.first == "check" && args.contains("json")
        // import writes the plan it made even when that plan has errors (its summary lists them).
        let importedWithErrors = args.first == "import" && run.stderr.contains("check of the written plan")
        if run.status != 0 && !isCheckJSON && !importedWithErrors {
            #expect(run.stdout.isEmpty, "stdout with an error: \(run.summary)")
        }
        if run.status == 65 && c.rejected && !isCheckJSON && args.first != "import" && !run.stderr.contains("no action with ref")
        {
            // The refused plan's diagnostics, each `file:line:col: severity: message [CODE]`.
            #expect(
                run.stderr.contains(try Regex("(^|\\n)\(NSRegularExpression.escapedPattern(for: c.name)):\\d+:\\d+: error: ")),
                "no file:line diagnostic: \(run.summary)")
        }
        if run.status == 66 && args.first != "history" {
            #expect(run.stderr.contains(c.name), "66 without naming the path: \(run.summary)")
        }
        if (run.status == 0 || (isCheckJSON && run.status == 65)) && args.first != "import" { try judgeOutput(args, run) }
        return run
    }

    /// JSON parses; text for a terminal has no control characters; HTML has no markup from the plan.
    private func judgeOutput(_ args: [String], _ run: TimedRun) throws {
        let format = args.firstIndex(of: "--format").map { args[$0 + 1] } ?? "table"
        switch format {
        case "json":
            #expect((try? JSONSerialization.jsonObject(with: run.stdout)) != nil, "invalid JSON: \(run.summary)")
        case "table", "text":
            #expect(
                !Self.hasTerminalControls(Array(run.stdout), allowing: [0x0A]), "control characters on stdout: \(run.summary)")
        case "tsv":
            // Data for scripts: every line has the header's columns (cells hold no tab or line break).
            let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let tabs = Set(lines.map { $0.filter { $0 == "\t" }.count })
            #expect(tabs.count <= 1, "ragged TSV: \(run.summary)")
        case "html":
            let html = run.stdoutText.lowercased()
            for tag in ["<script", "<img", "<iframe", "<svg onload", "<b>bold"] {
                #expect(!html.contains(tag), "\(tag) in the HTML")
            }
        default: break
        }
    }

    /// C0 controls (but those allowed), DEL, and C1 controls in UTF-8 (C2 80–C2 9F).
    static func hasTerminalControls(_ bytes: [UInt8], allowing allowed: Set<UInt8>) -> Bool {
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && !allowed.contains(b)) || b == 0x7F { return true }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
        }
        return false
    }
}
