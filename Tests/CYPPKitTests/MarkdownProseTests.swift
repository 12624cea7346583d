import Testing

@testable import CYPPKit

/// Prose between headings and tables becomes sections: what it holds, and that long runs of
/// it read in linear time (both were quadratic: 200,000 blank lines took 5 s).
@Suite("Markdown prose sections")
struct MarkdownProseTests {
    static let table = "| Ref | Action |\n|---|---|\n"

    @Test func blankEdgesAreDroppedAndParagraphsBetweenTablesJoinWithABlankLine() {
        let text =
            "# T\n\nIntro\n\n\n## 1. O\n\n  \n\nFirst para\n\nstill first\n\n \n" + Self.table + "| 1.1 | A |\n\n"
            + "Second para\n\n" + Self.table + "| 1.2 | B |\n\n### Notes\n\n\nA note\n\n"
        let (plan, diagnostics) = PlanLoader.parse(SourceText("p.md", text))
        #expect(diagnostics.isEmpty)
        #expect(plan.sections == [Section(title: "", text: "Intro")])
        #expect(plan.outcomes[0].sections == [
            Section(title: "", text: "First para\n\nstill first\n\nSecond para"),
            Section(title: "Notes", text: "A note"),
        ])
        #expect(plan.outcomes[0].actions.map(\.ref) == ["1.1", "1.2"])
    }

    /// Quadratic work on these inputs takes minutes; linear work well under a second, even in
    /// a debug build on a busy machine. A bound, not a speed figure (`make bench` has those).
    static let linear = Duration.seconds(10)

    @Test func aLongRunOfBlankLinesReadsInLinearTime() throws {
        let text = "# T\n\n## 1. O\n\n" + String(repeating: "\n", count: 200_000) + "prose\n"
            + String(repeating: " \n", count: 200_000) + Self.table + "| 1.1 | A |\n"
        let clock = ContinuousClock()
        var result: (plan: Plan, diagnostics: [Diagnostic])?
        let elapsed = clock.measure { result = PlanLoader.parse(SourceText("p.md", text)) }
        let plan = try #require(result?.plan)
        #expect(plan.outcomes[0].sections == [Section(title: "", text: "prose")])
        #expect(elapsed < Self.linear, "took \(elapsed)")
    }

    @Test func thousandsOfParagraphsBetweenTablesReadInLinearTime() throws {
        var text = "# T\n\n## 1. O\n\n"
        for i in 0..<20_000 { text += "Paragraph \(i) of the outcome's story.\n\n" + Self.table + "| \(i) | A |\n\n" }
        let clock = ContinuousClock()
        var result: (plan: Plan, diagnostics: [Diagnostic])?
        let elapsed = clock.measure { result = PlanLoader.parse(SourceText("p.md", text)) }
        let plan = try #require(result?.plan)
        let story = try #require(plan.outcomes[0].sections.first?.text)
        #expect(story.hasPrefix("Paragraph 0 of the outcome's story.\n\nParagraph 1 "))
        #expect(story.hasSuffix("\n\nParagraph 19999 of the outcome's story."))
        #expect(plan.outcomes[0].actions.count == 20_000)
        #expect(elapsed < Self.linear, "took \(elapsed)")
    }
}
