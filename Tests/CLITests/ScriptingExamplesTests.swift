import Foundation
import Testing

/// The README's Scripting section promises three working scripts: run them as written, with
/// `cyppctl` on PATH, the fixture plans in ./plans and a fake `mail` that records what it sends.
@Suite("README scripting examples")
struct ScriptingExamplesTests {
    struct Result {
        let stdout: String
        let stderr: String
        let status: Int32
        let mail: String
    }

    static func example(_ name: String) throws -> String {
        let readme = try String(contentsOf: Run.root.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "<!-- example: \(name) -->\n```sh\n"
        let start = try #require(readme.range(of: marker), "README has no example \(name)")
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    static func run(_ name: String, asOf: String) throws -> Result {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("cyppctl-example-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        try fm.createDirectory(at: dir.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: Run.fixture("overdue/plans"), toPath: dir.appendingPathComponent("plans").path)
        let mail = dir.appendingPathComponent("bin/mail")
        try "#!/bin/sh\n{ echo \"mail $*\"; cat; echo \"--\"; } >> \"$MAIL_LOG\"\n".write(to: mail, atomically: true, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: mail.path)
        let script = dir.appendingPathComponent(name)
        try example(name).write(to: script, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script.path]
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = [Run.binary.deletingLastPathComponent().path, dir.appendingPathComponent("bin").path, env["PATH"] ?? "/usr/bin:/bin"]
            .joined(separator: ":")
        env["AS_OF"] = asOf
        env["MAIL_LOG"] = dir.appendingPathComponent("mail.log").path
        process.environment = env
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        #expect(fm.createFile(atPath: out.path, contents: nil) && fm.createFile(atPath: err.path, contents: nil))
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        return Result(stdout: read(out), stderr: read(err), status: process.terminationStatus,
                      mail: read(dir.appendingPathComponent("mail.log")))
    }

    @Test func cronMailsEachOwnerWithAnEmailTheirOverdueList() throws {
        let r = try Self.run("mail-overdue.sh", asOf: "2022-01-01")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let mails = r.mail.components(separatedBy: "--\n").filter { !$0.isEmpty }
        #expect(mails.map { $0.prefix { $0 != "\n" } } == [
            "mail -s CYPP: overdue actions for Ann Lee ann.lee@example.org",
            "mail -s CYPP: overdue actions for Dev Patel dev.patel@example.org",
        ])
        let ann = mails.first?.split(separator: "\n") ?? []
        #expect(ann.count == 1 + 1 + 4)
        #expect(ann.dropFirst(2).map { $0.prefix(16).trimmingCharacters(in: .whitespaces) }
                == ["alpha.md  1.1", "alpha.md  1.10", "beta.csv  1.1", "beta.csv  2.1 m1"])
        #expect(mails.last?.contains("Co-produce the new offer") == true)
        let early = try Self.run("mail-overdue.sh", asOf: "2021-01-01")
        #expect(early.status == 0 && early.mail.isEmpty)
    }

    @Test(arguments: [("2021-01-01", Int32(0)), ("2021-10-16", 1), ("2022-01-01", 1)])
    func ciFailsWhileAnythingIsOverdue(asOf: String, status: Int32) throws {
        let r = try Self.run("ci-overdue.sh", asOf: asOf)
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok: 2 plans, 11 actions: 0 errors, 0 warnings\n"))
        #expect(r.stdout.contains("nothing overdue as of \(asOf)") == (status == 0))
        #expect(r.stdout.contains("alpha.md  1.1 ") == (status == 1))
    }

    @Test func jqCountsOverdueRowsPerPerson() throws {
        let r = try Self.run("overdue-by-person.sh", asOf: "2022-01-01")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "4\tAnn Lee\n2\tBob Stone\n1\tDev Patel\n")
        let later = try Self.run("overdue-by-person.sh", asOf: "2022-06-01")
        #expect(later.stdout == "4\tAnn Lee\n2\tBob Stone\n2\tDev Patel\n1\t(no owner)\n1\tCara Diaz\n")
    }
}
