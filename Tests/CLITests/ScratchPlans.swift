import Foundation

/// A temporary folder with copies of plans for commands that write: tests never run `rate`
/// on plans/ or the fixtures themselves.
final class ScratchPlans {
    let url: URL

    init(_ relatives: String...) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-rate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("plans"), withIntermediateDirectories: true)
        for r in relatives {
            let source = Run.root.appendingPathComponent(r)
            try FileManager.default.copyItem(at: source, to: url.appendingPathComponent("plans/" + source.lastPathComponent))
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The copy's path relative to the folder (commands run with it as the working directory).
    func plan(_ name: String) -> String { "plans/" + name }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func bytes(_ relative: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path(relative)) ?? Data()) }

    func text(_ relative: String) -> String { String(decoding: bytes(relative), as: UTF8.self) }

    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path("plans"))) ?? []).sorted()
    }

    func cyppctl(_ args: String..., environment: [String: String] = [:]) throws -> Run {
        try Run.cyppctl(args, in: url, environment: environment)
    }

    func cyppctl(_ args: [String], environment: [String: String] = [:]) throws -> Run {
        try Run.cyppctl(args, in: url, environment: environment)
    }
}
