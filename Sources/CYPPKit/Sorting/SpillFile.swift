#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A temporary file only this process can reach: it is unlinked as soon as it is created,
/// so it disappears when the process ends, however it ends.
final class SpillFile {
    private let fd: Int32
    /// Bytes written so far: where the next run starts.
    private(set) var size = 0

    /// In `directory`, else `$TMPDIR`, else /tmp.
    init(directory: String? = nil) throws(SpillError) {
        let env = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        let dir = directory ?? (env.isEmpty ? "/tmp" : env)
        var template = Array((dir.hasSuffix("/") ? dir : dir + "/").utf8CString.dropLast()) + Array("cyppctl-sort-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .cannotCreate(directory: dir, reason: Self.errorText()) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { close(fd) }

    func append(_ bytes: [UInt8]) throws(SpillError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + offset, $0.count - offset, off_t(size + offset)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw .cannotWrite(reason: Self.errorText()) }
            offset += n
        }
        size += bytes.count
    }

    /// Bytes from `offset` into `buffer`, as many as it holds: fewer only at the end of the
    /// file. Returns how many were read.
    func read(into buffer: UnsafeMutableRawBufferPointer, from offset: Int) throws(SpillError) -> Int {
        var got = 0
        while got < buffer.count {
            let n = pread(fd, buffer.baseAddress! + got, buffer.count - got, off_t(offset + got))
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw .cannotRead(reason: Self.errorText()) }
            if n == 0 { break }
            got += n
        }
        return got
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
