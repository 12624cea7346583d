import Testing
@testable import CYPPKit

/// An action's cell ranges are kept as bounds; what is read back is what was given, an empty
/// range (a blank cell an edit fills) included, and an absent one stays absent.
@Suite("Cell ranges")
struct CellRangesTests {
    @Test func rangesReadBackAsGiven() {
        var cells = CellRanges(progress: 10..<15, impact: 20..<20, narrative: nil)
        #expect(cells.progress == 10..<15 && cells.impact == 20..<20 && cells.narrative == nil)
        cells.narrative = 0..<3
        cells.progress = nil
        #expect(cells.progress == nil && cells.impact == 20..<20 && cells.narrative == 0..<3)
        #expect(cells == CellRanges(impact: 20..<20, narrative: 0..<3) && cells != CellRanges())
    }
}
