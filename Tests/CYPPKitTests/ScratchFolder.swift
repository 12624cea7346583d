import Foundation

/// A temporary folder holding copies of plans, removed when the test ends: tests never
/// change plans/ or the fixtures.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cyppctl-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Copies a repository file in; returns the copy's path.
    @discardableResult
    func copy(_ relative: String, as name: String? = nil) throws -> String {
        let source = Repo.root.appendingPathComponent(relative)
        let target = url.appendingPathComponent(name ?? source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        return target.path
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
}

/// The 1-based numbers of the lines that differ between two files of equal line count
/// (what `git diff` would show as changed), or nil when the line counts differ.
func changedLines(_ a: [UInt8], _ b: [UInt8]) -> [Int]? {
    let x = a.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let y = b.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    guard x.count == y.count else { return nil }
    return zip(x, y).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
}
