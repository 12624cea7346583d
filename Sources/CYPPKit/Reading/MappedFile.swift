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
    /// Kept open for a mapping, for `forEachChunk`; -1 otherwise.
    private let fd: Int32
    /// Below this size a plain read is simpler and just as fast.
    static let mapThreshold = 1 << 20

    public init(path: String) throws(InputError) {
        self.path = path
        // `open` on a FIFO waits for a writer, forever if none comes: pipes are read apart.
        if let (buffer, count) = try Self.readNonFile(path) {
            owned = buffer
            mapping = nil
            fd = -1
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
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw .unreadable(path, "cannot be read")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .unreadable(path, "is a folder, not a plan file")
        }
        let size = Int(info.st_size)
        if size >= Self.mapThreshold, let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
            _ = madvise(p, size, MADV_SEQUENTIAL)
            mapping = p
            owned = nil
            self.fd = fd
            bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
        } else {
            defer { close(fd) }
            self.fd = -1
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

    /// What a reader starting at `start` calls with the offset it has passed, so the pages
    /// behind it (and after `start`) leave memory. One per reader: the two parts of a file
    /// read on two cores release their own pages.
    public func releaser(from start: Int) -> (Int) -> Void {
        guard let mapping else { return { _ in } }
        let pages = PageRelease(mapping: mapping, from: start)
        return { pages.release(before: $0) }
    }

    /// Calls `body` with the bytes before `end`, a chunk at a time. A mapped file's are read
    /// with `pread`, not through the mapping: a pass that only looks (counting lines ahead of a
    /// reader) then leaves none of the mapping's pages in memory.
    public func forEachChunk(before end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let end = min(max(0, end), bytes.count)
        var offset = 0
        if mapping != nil, fd >= 0 {
            var buffer = [UInt8](repeating: 0, count: 1 << 18)
            while offset < end {
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, end - offset), off_t(offset)) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }  // the rest through the mapping
                buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<n])) }
                offset += n
            }
        }
        if offset < end { body(UnsafeBufferPointer(rebasing: bytes[offset..<end])) }
    }

    deinit {
        if fd >= 0 { close(fd) }
        if let mapping { munmap(mapping, bytes.count) }
        owned?.deallocate()
    }
}

/// The pages of a mapping one reader has finished with, released as it goes.
private final class PageRelease {
    private let mapping: UnsafeMutableRawPointer
    private var released: Int
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Release in steps of this many bytes, and only pages this far behind the reader. Pages
    /// released right up to the reader came back (the kernel maps a large page-cache folio
    /// whole when any of it is touched): with no lag, 1 MB steps left 80 MB of a 221 MB file
    /// resident. 2 MB behind in 1 MB steps it stayed at about 3 MB; 512 KB behind in 256 KB
    /// steps, at about 1 MB, which matters when two readers (the parts of a file read on two
    /// cores) each keep their own.
    private static let step = 1 << 18, lag = 1 << 19

    /// From the first whole page at or after `start`: the page before it is another reader's.
    init(mapping: UnsafeMutableRawPointer, from start: Int) {
        self.mapping = mapping
        self.released = (start + Self.page - 1) / Self.page * Self.page
    }

    func release(before offset: Int) {
        guard offset - Self.lag - released >= Self.step else { return }
        let end = ((offset - Self.lag) / Self.page) * Self.page
        guard end > released else { return }
        _ = madvise(mapping + released, end - released, MADV_DONTNEED)
        released = end
    }
}
