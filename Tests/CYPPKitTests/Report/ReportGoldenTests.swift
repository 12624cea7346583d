import Foundation
import Testing

@testable import CYPPKit

/// Whole-output snapshots of every format on the fixture, in Tests/Fixtures/report/golden/.
/// After an intended change, re-record with `RECORD_GOLDEN=1 swift test --filter ReportGoldenTests`
/// and review the diff like code.
@Suite("Report formats: golden files")
struct ReportGoldenTests {
    static let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    static let renderers: [(file: String, render: @Sendable (Report) -> String)] = [
        ("report.txt", { TextReport().render($0) }),
        ("report.md", MarkdownReport.render),
        ("report.html", HTMLReport.render),
        ("report.json", JSONReport.render),
        ("report.csv", CSVReport.render),
    ]

    @Test(arguments: renderers.indices)
    func matchesTheGoldenFile(index: Int) throws {
        let (file, render) = Self.renderers[index]
        // Paths relative to the repository, so the files do not depend on the checkout's location.
        let output = render(try ReportFixture.report()).replacingOccurrences(of: Repo.root.path + "/", with: "")
        let path = Repo.fixture("report/golden/" + file)
        if Self.record {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try output.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try #require(
            try? String(contentsOfFile: path, encoding: .utf8),
            "missing \(path); record it with RECORD_GOLDEN=1 swift test --filter ReportGoldenTests")
        if output != golden {
            let a = output.split(separator: "\n", omittingEmptySubsequences: false)
            let b = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record(
                """
                \(file) differs from the golden file at line \(line + 1):
                  got:    \(line < a.count ? String(a[line]) : "<end>")
                  golden: \(line < b.count ? String(b[line]) : "<end>")
                re-record with RECORD_GOLDEN=1 if the change is intended
                """)
        }
    }
}
