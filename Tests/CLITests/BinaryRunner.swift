import Foundation

/// Runs the built `cyppctl` as a user would, capturing stdout, stderr and the exit code.
struct Run {
    let stdout: String
    let stderr: String
    let status: Int32

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built beside the test bundle.
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("cyppctl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/cyppctl")
    }()

    static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/" + name).path }

    static func cyppctl(_ args: String..., in directory: URL = root, environment: [String: String] = [:]) throws -> Run {
        try cyppctl(args, in: directory, environment: environment)
    }

    static func cyppctl(_ args: [String], in directory: URL = root, environment: [String: String] = [:]) throws -> Run {
        // One way to launch the binary and drain its pipes: TimedRun's, which the robustness
        // tests also use for timing and signals.
        let run = try TimedRun.launch(binary.path, args, in: directory, environment: environment)
        return Run(stdout: run.stdoutText, stderr: run.stderr, status: run.status)
    }
}
