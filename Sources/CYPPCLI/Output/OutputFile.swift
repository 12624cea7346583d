import CYPPKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--out FILE`: the whole output or nothing. Written to a temporary file in the same folder,
/// flushed to disk, then renamed over FILE, so a reader never sees half a report.
enum OutputFile {
    static func write(_ text: String, to path: String) throws(CommandError) {
        func fail(_ why: String) -> CommandError { .cannotWrite("cannot write '\(path)': \(why)") }
        if FilePath.kind(path) == .directory { throw fail("it is a folder") }
        let parent = FilePath.directory(of: path)
        let folder = parent.isEmpty ? "." : parent
        guard FilePath.kind(folder) == .directory else {
            throw fail("folder '\(folder)' does not exist")
        }
        let name = FilePath.name(of: path)
        let temp = folder + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw fail(reason(errno)) }
        var existing = stat()
        if stat(path, &existing) == 0 { _ = fchmod(fd, existing.st_mode & 0o7777) }
        var problem: Int32 = 0
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 {
                problem = n == 0 ? EIO : errno
                break
            }
            offset += n
        }
        if problem == 0, fsync(fd) != 0 { problem = errno }
        if close(fd) != 0, problem == 0 { problem = errno }
        if problem == 0, rename(temp, path) != 0 { problem = errno }
        if problem != 0 {
            unlink(temp)
            throw fail(reason(problem))
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
