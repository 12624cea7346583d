import Foundation

/// One run of the built binary with what the robustness tests judge: how it ended (an exit
/// status, or the signal that killed it), its output, and its wall-clock time.
struct TimedRun {
    let arguments: [String]
    let stdout: Data
    let stderr: String
    let status: Int32
    /// False when a signal ended the process (a trap, a crash): `status` is then the signal.
    let exited: Bool
    let seconds: Double

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    /// What a failed expectation prints: enough to reproduce the run by hand.
    var summary: String {
        let how = exited ? "exit \(status)" : "signal \(status)"
        return "cyppctl \(arguments.joined(separator: " ")): \(how) in \(String(format: "%.2f", seconds)) s; "
            + "stdout \(stdout.count) bytes; stderr: \(stderr.prefix(400))"
    }

    /// Pipes, not a terminal: no colour, nothing shortened.
    static func cyppctl(_ arguments: [String], in folder: URL) throws -> TimedRun {
        try launch(Run.binary.path, arguments, in: folder, environment: ["NO_COLOR": "1"])
    }

    static func launch(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws
        -> TimedRun
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        process.environment = env.merging(environment) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = DispatchTime.now()
        try process.run()
        // Both pipes drain while the process runs, so 10 MB of output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return TimedRun(
            arguments: arguments, stdout: outData, stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus, exited: process.terminationReason == .exit, seconds: seconds)
    }
}
