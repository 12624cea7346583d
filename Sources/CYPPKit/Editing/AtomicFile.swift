#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file so that readers, and a run killed at any moment, see either the old bytes or
/// the new ones: write a hidden temp file in the same folder, fsync it, rename it over the
/// original, fsync the folder. Call it while holding the plan's `PlanLock`.
///
/// A run killed with SIGKILL before the rename leaves its temp file behind. Its name starts with
/// "." (plan discovery skips it) and ends with `.cyppctl-tmp`; the next run that takes the lock
/// removes it (`removeStaleTemps`), since only a lock holder ever writes one.
public enum AtomicFile {
    static let tempSuffix = ".cyppctl-tmp"

    /// `dir/.plan.md.<pid>.<random>.cyppctl-tmp`: unique per run and per attempt.
    static func tempPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).\(getpid()).\(String(UInt64.random(in: 0...UInt64.max), radix: 16))\(tempSuffix)"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Whether `name` is a temp file `tempPath(for:)` made for the plan called `planName`.
    static func isTemp(_ name: String, forPlanNamed planName: String) -> Bool {
        let prefix = "." + planName + "."
        guard name.hasPrefix(prefix), name.hasSuffix(tempSuffix), name.count > prefix.count + tempSuffix.count else {
            return false
        }
        let middle = name.dropFirst(prefix.count).dropLast(tempSuffix.count).split(separator: ".", omittingEmptySubsequences: false)
        func all(_ part: Substring, _ test: (Character) -> Bool) -> Bool { !part.isEmpty && part.allSatisfy(test) }
        return middle.count == 2 && all(middle[0]) { $0.isASCII && $0.isNumber } && all(middle[1]) { $0.isASCII && $0.isHexDigit }
    }

    /// Replaces `path`'s contents with `bytes`, keeping its permission bits (and owner and
    /// group where the system allows). `path` must be a real file, not a symbolic link.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(WriteError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw WriteError(path: path, step: "cannot read its permissions") }
        let temp = tempPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteError(path: temp, step: "cannot create the temporary file") }
        var failure: WriteError?
        // Owner first: chown may clear mode bits, chmod then sets them.
        if fchown(fd, info.st_uid, info.st_gid) != 0 { _ = fchown(fd, uid_t.max, info.st_gid) }
        if fchmod(fd, info.st_mode & 0o7777) != 0 {
            failure = WriteError(path: temp, step: "cannot set its permissions")
        } else if !writeAll(fd, bytes) {
            failure = WriteError(path: temp, step: "cannot write the temporary file")
        } else if fsync(fd) != 0 {
            failure = WriteError(path: temp, step: "cannot flush the temporary file to disk")
        }
        if close(fd) != 0 && failure == nil { failure = WriteError(path: temp, step: "cannot close the temporary file") }
        if failure == nil && rename(temp, path) != 0 {
            failure = WriteError(path: path, step: "cannot rename the new version into place")
        }
        if let failure {
            unlink(temp)
            throw failure
        }
        syncFolder(of: path)
    }

    /// The file a symbolic link points to (resolved fully), else `path` as given: `rate`
    /// replaces the plan itself, not the link, and keeps its lock and history beside it.
    public static func target(of path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Removes temp files that killed runs left beside `planPath`; returns their paths.
    /// Only call it while holding the plan's lock, or it could remove a live run's file.
    public static func removeStaleTemps(beside planPath: String) -> [String] {
        let url = URL(fileURLWithPath: planPath)
        let folder = url.deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { isTemp($0, forPlanNamed: url.lastPathComponent) }.sorted().compactMap { name in
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            return unlink(path) == 0 ? path : nil
        }
    }

    /// Makes a rename or a new file in the folder durable; best effort (some file systems refuse).
    static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}

/// A file that could not be written; `errno`'s text is captured when the error is made.
public struct WriteError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let step: String
    public let reason: String

    public init(path: String, step: String, reason: String = String(cString: strerror(errno))) {
        self.path = path
        self.step = step
        self.reason = reason
    }

    public var description: String { "\(path): \(step) (\(reason))" }
}
