#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A plan file's bytes for reading front to back. Large files are memory-mapped and the
/// pages already read are handed back to the kernel as the reader moves on, so reading a
/// 200 MB plan needs a few megabytes of memory, not 200.
public final class MappedFile {
    public let path: String
    public let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let owned: UnsafeMutableBufferPointer<UInt8>?
    private var released = 0
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Release in steps of this many bytes, and only pages this far behind the reader. Pages
    /// released right up to the reader came back (the kernel maps a large page-cache folio
    /// whole when any of it is touched): with no lag, 1 MB steps left 80 MB of a 221 MB file
    /// resident; 2 MB behind, the mapping stays at about 3 MB.
    private static let step = 1 << 20, lag = 2 << 20
    /// Below this size a plain read is simpler and just as fast.
    static let mapThreshold = 1 << 20

    public init(path: String) throws(InputError) {
        self.path = path
        // `open` on a FIFO waits for a writer, forever if none comes: pipes are read apart.
        if let (buffer, count) = try Self.readNonFile(path) {
            owned = buffer
            mapping = nil
            bytes = UnsafeBufferPointer(start: buffer.baseAddress, count: count)
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            switch FilePath.kind(path) {
            case .missing: throw .missing(path)
            case .directory: throw .unreadable(path, "is a folder, not a plan file")
            case .file: throw .unreadable(path, "cannot be read (permissions?)")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path, "cannot be read") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path, "is a folder, not a plan file") }
        let size = Int(info.st_size)
        if size >= Self.mapThreshold, let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
            _ = madvise(p, size, MADV_SEQUENTIAL)
            mapping = p
            owned = nil
            bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
        } else {
            // Small files and anything mmap refuses: read it all, from the descriptor already open
            // (going through FileManager opened it again and cost more than parsing a small plan).
            let (buffer, count) = try Self.readAll(fd, path: path, sizeHint: size)
            owned = buffer
            mapping = nil
            bytes = UnsafeBufferPointer(start: buffer.baseAddress, count: count)
        }
    }

    /// A FIFO's bytes (`<(git show …)`, or a named pipe in a plans folder), read to its end
    /// without blocking on the open: with no writer that is at once, and the file is empty.
    /// Devices and sockets are refused; nil for files, folders and missing paths.
    private static func readNonFile(_ path: String) throws(InputError) -> (UnsafeMutableBufferPointer<UInt8>, Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG || kind == S_IFDIR { return nil }
        guard kind == S_IFIFO else { throw .unreadable(path, "is not a regular file (a device or socket?)") }
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(path, "cannot be read") }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return try readAll(fd, path: path)
    }

    /// Everything left to read on `fd`, in a buffer of its own, and how many bytes that is.
    private static func readAll(_ fd: Int32, path: String, sizeHint: Int = 0) throws(InputError)
        -> (UnsafeMutableBufferPointer<UInt8>, Int)
    {
        // Read straight into the buffer kept (one byte more than the size, to see the end
        // without a second buffer); a file that grows while read, or a pipe, doubles it.
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(sizeHint + 1, 1 << 12))
        var count = 0
        while true {
            if count == buffer.count {
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                _ = larger.initialize(fromContentsOf: buffer)
                buffer.deallocate()
                buffer = larger
            }
            let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                buffer.deallocate()
                throw .unreadable(path, "cannot be read")
            }
            if n == 0 { break }
            count += n
        }
        return (buffer, count)
    }

    /// The reader is past `offset`: pages wholly before it may leave memory.
    public func release(before offset: Int) {
        guard let mapping, offset - Self.lag - released >= Self.step else { return }
        let end = ((offset - Self.lag) / Self.page) * Self.page
        guard end > released else { return }
        _ = madvise(mapping + released, end - released, MADV_DONTNEED)
        released = end
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
        owned?.deallocate()
    }
}
