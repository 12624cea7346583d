import Foundation
import Testing

/// `rate` when the disk is full or the folder read-only: the plan stays byte-identical, no
/// temporary file is left, the history is not touched, and the exit is 73 with a message that
/// says what failed and that the plan is unchanged. Each fault is made every way this machine
/// allows (see `FaultSandbox`); the file-size limit and the unprivileged user work everywhere.
@Suite("rate under faults", .serialized)
struct RateFaultTests {
    static let plan = "plans/southend-cypp-2018-2020.md"
    static let args = ["1.1", "--progress", "green", "--impact", "amber", "--note", "faulted", "--by", "test"]
    /// A history line already there, which a failed run must leave as it was.
    static let history =
        "time\twho\tplan\tref\tfield\told\tnew\tnote\n2021-01-01T10:00:00Z\tx\tsouthend-cypp-2018-2020.md\t1.1\tprogress\t\tRed\t\n"

    static func expectUnchanged(_ o: FaultSandbox.Outcome, _ sandbox: FaultSandbox, because reason: String) {
        #expect(o.status == 73, "\(o.stderr)")
        #expect(o.plan == sandbox.original, "the plan changed")
        #expect(o.stdout.isEmpty)
        #expect(o.stderr.hasPrefix("cyppctl: error: ") && o.stderr.contains(reason), "\(o.stderr)")
        #expect(o.stderr.contains("the plan is unchanged"), "\(o.stderr)")
        #expect(!o.names.contains { $0.hasSuffix(".cyppctl-tmp") }, "a temporary file was left: \(o.names)")
        #expect(o.history.map { String(decoding: $0, as: UTF8.self) } == history, "the history changed")
    }

    static let seedHistory = "printf '%s' '\(history)' > \"$M/$P.history.tsv\""

    @Test(.enabled(if: FaultSandbox.namespace != nil, "needs a private mount namespace"), arguments: [false, true])
    func fullTmpfs(lockFileExists: Bool) throws {
        let sandbox = try FaultSandbox(plan: Self.plan)
        defer { sandbox.remove() }
        let o = try sandbox.rate(
            Self.args, in: "mnt",
            setup: """
                mount -t tmpfs -o size=64k tmpfs "$M"
                cp "$P" "$M/$P"; \(Self.seedHistory)
                \(lockFileExists ? "touch \"$M/.$P.lock\"" : "")
                dd if=/dev/zero of="$M/fill" bs=1k count=1000 2>/dev/null || true
                """, namespaced: true)
        Self.expectUnchanged(o, sandbox, because: "No space left on device")
    }

    @Test(.enabled(if: FaultSandbox.namespace != nil, "needs a private mount namespace"), arguments: [false, true])
    func readOnlyTmpfs(lockFileExists: Bool) throws {
        let sandbox = try FaultSandbox(plan: Self.plan)
        defer { sandbox.remove() }
        let o = try sandbox.rate(
            Self.args, in: "mnt",
            setup: """
                mount -t tmpfs -o size=1m tmpfs "$M"
                cp "$P" "$M/$P"; \(Self.seedHistory)
                \(lockFileExists ? "touch \"$M/.$P.lock\"" : "")
                mount -o remount,ro "$M"
                """, namespaced: true)
        Self.expectUnchanged(o, sandbox, because: "Read-only file system")
    }

    /// chmod 555: as root the bits do not stop us, so the binary runs as `nobody`.
    @Test(.enabled(if: FaultSandbox.canDropPrivileges, "needs setpriv as root"), arguments: [false, true])
    func readOnlyFolder(lockFileExists: Bool) throws {
        let sandbox = try FaultSandbox(plan: Self.plan)
        defer { sandbox.remove() }
        let runner = FaultSandbox.isRoot ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : ""
        let o = try sandbox.rate(
            Self.args, in: "mnt",
            setup: """
                cp "$P" "$M/$P"; \(Self.seedHistory)
                \(lockFileExists ? "touch \"$M/.$P.lock\"" : "")
                chmod 644 "$M/$P" "$M/$P.history.tsv"; chmod 755 .; chmod 555 "$M"
                """, runner: runner, namespaced: false)
        Self.expectUnchanged(o, sandbox, because: "Permission denied")
    }

    /// A file-size limit below the plan's size: the temporary file cannot be written.
    @Test func fileSizeLimit() throws {
        let sandbox = try FaultSandbox(plan: Self.plan)
        defer { sandbox.remove() }
        let o = try sandbox.rate(
            Self.args, in: "mnt", setup: "cp \"$P\" \"$M/$P\"; \(Self.seedHistory)",
            runner: "trap '' XFSZ; ulimit -f 8; exec", namespaced: false)
        Self.expectUnchanged(o, sandbox, because: "File too large")
    }

    /// The same runs with room to write do change the plan: the faults, not the set-up, stop them.
    @Test func withoutAFaultTheSameRunWrites() throws {
        let sandbox = try FaultSandbox(plan: Self.plan)
        defer { sandbox.remove() }
        let o = try sandbox.rate(Self.args, in: "mnt", setup: "cp \"$P\" \"$M/$P\"; \(Self.seedHistory)", namespaced: false)
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.plan != sandbox.original)
        #expect((o.history?.count ?? 0) > Self.history.utf8.count)
    }
}
