import Foundation

/// Where `rate` is made to fail: a tiny tmpfs that is full or read-only, mounted in a private
/// mount namespace (`unshare -m` as root, `unshare -Urm` otherwise) so nothing outlives the
/// test; a folder an unprivileged user may not write (as root, permission bits do not apply
/// to us, so the binary runs as `nobody` through `setpriv`); a file-size limit (`ulimit -f`,
/// with SIGXFSZ ignored so a write fails with EFBIG instead of killing the process).
struct FaultSandbox {
    let folder: URL
    let plan: String
    let original: [UInt8]

    static let isRoot = getuid() == 0

    /// The shell words that run a script in a private mount namespace where it may mount.
    static let namespace: [String]? = {
        let prefix = isRoot ? ["unshare", "-m", "--propagation", "private"] : ["unshare", "-Urm"]
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-mount-probe-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        let status = shell(prefix + ["sh", "-c", "mount -t tmpfs -o size=16k tmpfs '\(probe.path)' && umount '\(probe.path)'"])
        return status == 0 ? prefix : nil
    }()

    /// True when the binary can run as an unprivileged user: we are one, or we are root with
    /// `setpriv` and `nobody` may reach the binary (a checkout under /root may not be).
    static let canDropPrivileges: Bool =
        !isRoot
        || shell(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Run.binary.path, "--version"]) == 0

    init(plan relative: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mnt"), withIntermediateDirectories: true)
        plan = URL(fileURLWithPath: relative).lastPathComponent
        original = [UInt8](try Data(contentsOf: Run.root.appendingPathComponent(relative)))
        try Data(original).write(to: folder.appendingPathComponent(plan))
    }

    func remove() {
        _ = Self.shell(["chmod", "-R", "u+w", folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// What one faulted `rate` left: its status and stderr, and the plan folder's files afterwards.
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        let plan: [UInt8]
        let names: [String]
        let history: [UInt8]?
    }

    /// Runs `setup` (shell, in the sandbox folder, `$M` the mount point, `$P` the plan's name)
    /// then `rate` in `$M` as `runner` says, and copies what it left out of the mount.
    func rate(_ args: [String], in place: String, setup: String, runner: String = "", namespaced: Bool) throws -> Outcome {
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = """
            set -e
            cd '\(folder.path)'
            M='\(place)'; P='\(plan)'; B='\(Run.binary.path)'
            \(setup)
            set +e
            (cd "$M" && (\(runner) "$B" rate \(quoted) "$P" > ../out 2> ../err); echo $? > ../rc)
            cat "$M/$P" > after
            ls -a "$M" > names
            if [ -e "$M/$P.history.tsv" ]; then cat "$M/$P.history.tsv" > history; fi
            """
        let status = Self.shell((namespaced ? Self.namespace ?? [] : []) + ["sh", "-c", script])
        guard status == 0 else { throw SandboxError(message: "the sandbox script failed (\(status))") }
        func read(_ name: String) -> [UInt8]? {
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { [UInt8]($0) }
        }
        let rc = String(decoding: read("rc") ?? [], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Outcome(
            status: Int32(rc) ?? -1, stdout: String(decoding: read("out") ?? [], as: UTF8.self),
            stderr: String(decoding: read("err") ?? [], as: UTF8.self), plan: read("after") ?? [],
            names: String(decoding: read("names") ?? [], as: UTF8.self).split(separator: "\n").map(String.init),
            history: read("history"))
    }

    struct SandboxError: Error { let message: String }

    @discardableResult
    static func shell(_ words: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = words
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : -1
    }
}
