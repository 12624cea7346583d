#if canImport(Glibc)
import Glibc
#endif

/// Work done once on a thread of its own, and waited for: `run` is the work. The object is
/// set up before `launch` and read after `wait`, so the two threads never touch it at once.
/// A plain POSIX thread: one piece of work needs no queue, and no pool of threads set up for it.
class BackgroundWork: @unchecked Sendable {
    private var thread: pthread_t?

    func run() {}

    /// Starts `run` on a new thread; if none can be made, runs it here and now.
    final func launch() {
        var t = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(&t, nil, { context in
            let work = Unmanaged<BackgroundWork>.fromOpaque(context!).takeRetainedValue()
            work.run()
            return nil
        }, context)
        if started == 0 {
            thread = t
        } else {
            Unmanaged<BackgroundWork>.fromOpaque(context).release()
            run()
        }
    }

    /// Returns when `run` has; may be called again.
    final func wait() {
        guard let t = thread else { return }
        pthread_join(t, nil)
        thread = nil
    }
}
