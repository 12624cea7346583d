import Foundation
import Testing

/// The README's corpus table and the corpus stay one list: every fixture is tested, every
/// tested input is documented.
@Suite("Malformed corpus: README and fixtures agree")
struct CorpusReadmeTests {
    static let readme = (try? String(contentsOfFile: Run.root.appendingPathComponent("README.md").path, encoding: .utf8)) ?? ""

    @Test func everyFixtureIsInTheCorpusTable() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Run.fixture("malformed"))
        let tested = Set(
            CorpusCase.cases.compactMap { c -> String? in if case .fixture = c.source { return c.name } else { return nil } })
        #expect(Set(files) == tested)
    }

    @Test(arguments: CorpusCase.cases)
    func everyInputIsDocumented(_ c: CorpusCase) {
        let row = Self.readme.split(separator: "\n").first { $0.hasPrefix("| `\(c.name)`") }
        #expect(row != nil, "README's corpus table lacks \(c.name)")
        // Its codes are the ones the test expects.
        for code in c.codes { #expect(row?.contains(code) == true, "\(c.name): \(code)") }
        #expect(row?.contains(c.unreadable ? "66" : c.rejected ? "65" : "0") == true)
    }
}
