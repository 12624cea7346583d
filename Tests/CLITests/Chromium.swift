import Foundation

/// Debian's headless Chromium, for tests that check what a real browser makes of the HTML
/// report. `.ci/run` installs it; without it the browser tests fail and say how to get it.
enum Chromium {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "chromium is not installed; the HTML report tests need a real browser: apt-get install -y chromium (see .ci/run)"
        }
    }

    struct TimedOut: Error, CustomStringConvertible {
        let seconds: Double
        var description: String { "chromium did not finish within \(Int(seconds)) seconds" }
    }

    /// `$CHROMIUM`, else `chromium` or `chromium-browser` on the PATH.
    static let executable: String? = {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let path = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }()

    /// Runs headless Chromium on `file` with `options` (e.g. `--dump-dom`), in a throwaway
    /// profile, and returns its stdout. Killed after `timeout` seconds.
    static func run(_ options: [String], file: String, timeout: Double = 90) throws -> String {
        guard let executable else { throw Missing() }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cypp-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--user-data-dir=\(profile.path)",
            ] + options
            + [URL(fileURLWithPath: file).absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        nonisolated(unsafe) var data = Data()
        let reader = DispatchGroup()
        reader.enter()
        DispatchQueue.global().async {
            data = out.fileHandleForReading.readDataToEndOfFile()
            reader.leave()
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw TimedOut(seconds: timeout)
        }
        reader.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
