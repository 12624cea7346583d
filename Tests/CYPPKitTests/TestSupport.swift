import Foundation
@testable import CYPPKit

/// Paths from the repository root, so tests run the same from any working directory.
enum Repo {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func fixture(_ name: String) -> String { path("Tests/Fixtures/" + name) }

    /// Every file under `folder` (from the root) whose name ends in one of `extensions`, sorted.
    static func files(under folder: String, extensions: [String]) -> [String] {
        let base = path(folder)
        let found = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return found.filter { name in extensions.contains { name.hasSuffix("." + $0) } }.sorted().map { base + "/" + $0 }
    }

    /// Reads and parses a plan file, failing loudly if it cannot be read.
    static func read(_ path: String) throws -> (plan: Plan, diagnostics: [Diagnostic], source: SourceText) {
        try PlanLoader.read(file: path)
    }

    static let shippedPlans = ["plans/southend-cypp-2018-2020.md", "plans/southend-improvement-plan-2021-2023.csv",
                               "plans/southend-cypp-2016-2017.md", "plans/southend-cypp-2008-2009.md", "plans/thurrock-cypp-2012-2013.md"]
}

extension SourceText {
    init(_ path: String, _ text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// CSV text to rows of fields, through the product's own scanner.
enum CSVText {
    static func rows(_ text: String) -> [[String]] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            var out: [[String]] = []
            while let r = scanner.next() { out.append(r.fields.map { $0.text(in: buffer) }) }
            return out
        }
    }
}
