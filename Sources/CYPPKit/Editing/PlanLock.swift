#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The advisory lock that serialises every `rate` on one plan. It is taken on a separate,
/// hidden `.<plan name>.lock` file beside the plan that is never replaced or deleted: a lock on
/// the plan itself would not work, because `rate` replaces the plan by renaming a new file over
/// it, and a process waiting on the old file would then hold a lock nobody else sees.
public final class PlanLock {
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    /// `dir/.plan.md.lock` for `dir/plan.md`; hidden, so plan discovery never reads it.
    public static func path(forPlan planPath: String) -> String {
        let url = URL(fileURLWithPath: planPath)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".lock").path
    }

    /// Takes the lock, polling with short sleeps for at most `timeout` seconds.
    public static func acquire(forPlan planPath: String, timeout: Double) throws(PlanLockError) -> PlanLock {
        let path = path(forPlan: planPath)
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        var failure = errno
        // Someone else created it without write permission for us: flock works on a read-only descriptor.
        if fd < 0 && failure == EACCES {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            // No lock file to fall back on: the folder refused us, so say that, not "no such file".
            if fd < 0 && errno != ENOENT { failure = errno }
        }
        guard fd >= 0 else { throw .cannotOpen(path, String(cString: strerror(failure))) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(max(0, timeout) * 1000)))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK || errno == EINTR
            guard busy else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw .cannotOpen(path, reason)
            }
            guard clock.now < deadline else {
                close(fd)
                throw .busy(path, waited: timeout)
            }
            // 5–25 ms with jitter, so waiters do not wake in lockstep.
            usleep(UInt32.random(in: 5_000...25_000))
        }
        return PlanLock(path: path, fd: fd)
    }

    /// Releases the lock (closing the descriptor does it); safe to call twice.
    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}

public enum PlanLockError: Error, Equatable, CustomStringConvertible {
    case busy(String, waited: Double)
    case cannotOpen(String, String)

    public var description: String {
        switch self {
        case .busy(let p, let waited):
            "another cyppctl is updating this plan (lock '\(p)' still held after \(Self.seconds(waited))); try again"
        case .cannotOpen(let p, let why): "cannot open the lock file '\(p)': \(why); the plan is unchanged"
        }
    }

    private static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s))s" : "\(s)s"
    }
}
