import Foundation
import Testing
@testable import CYPPKit

/// The README's tables are documentation users rely on: they must match the code.
@Suite("README stays true")
struct ReadmeTests {
    static let readme = (try? String(contentsOfFile: Repo.path("README.md"), encoding: .utf8)) ?? ""

    @Test func listsEveryHeaderSynonym() {
        for (_, names) in ColumnKind.synonyms {
            for name in names {
                #expect(Self.readme.contains("`\(name)`"), "README lacks header name '\(name)'")
            }
        }
    }

    @Test(arguments: DiagnosticCode.allCases)
    func documentsEveryDiagnosticCode(code: DiagnosticCode) {
        #expect(Self.readme.contains("| \(code.id) | \(code.severity.rawValue) | \(code.summary) |"))
    }

    @Test func startsWithTheTwoCommands() {
        let firstBlock = Self.readme.components(separatedBy: "```").dropFirst().first ?? ""
        #expect(firstBlock.contains("make report") && firstBlock.contains("make test"))
    }
}
