#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Where a command writes: stdout/stderr in the binary, strings in tests.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    /// UTF-8 bytes already rendered: a long listing need not become Strings to be printed.
    func write(bytes: UnsafeRawBufferPointer)
}

extension TextOutput {
    public func write(bytes: UnsafeRawBufferPointer) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// A file descriptor with a buffer, so a million-row listing is not a million syscalls.
public final class FileDescriptorOutput: TextOutput {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Why the first write failed (an errno: a full disk, a closed descriptor); later output
    /// is dropped. A closed pipe (`| head`) ends the process by SIGPIPE before this is set.
    public private(set) var failure: Int32?

    public init(fd: Int32) {
        self.fd = fd
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    public func write(bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        // The buffer is made at the first write: stderr mostly has none.
        if buffer.capacity == 0 { buffer.reserveCapacity(1 << 16) }
        if buffer.count + bytes.count > buffer.capacity {
            flush()
            // More than the buffer holds goes straight out, not through a larger buffer.
            if bytes.count >= buffer.capacity { return writeAll(bytes) }
        }
        buffer.append(contentsOf: bytes)
    }

    public func flush() {
        buffer.withUnsafeBytes(writeAll)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count, failure == nil {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0, errno == EINTR { continue }
            if n <= 0 {
                failure = n < 0 ? errno : EIO
                break
            }
            offset += n
        }
    }

    deinit { flush() }
}

public final class StringOutput: TextOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}
