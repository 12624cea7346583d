import Testing
@testable import CYPPKit

@Suite("BRAG ratings")
struct RatingTests {
    @Test(arguments: [
        ("Blue", Rating.blue), ("blue", .blue), ("RED", .red), (" Amber ", .amber), ("green", .green),
        ("Grey", .grey), ("gray", .grey),
    ])
    func parsesColoursCaseInsensitively(text: String, expected: Rating) throws {
        #expect(try Rating.parse(text).get() == expected)
    }

    @Test func blankIsUnrated() throws {
        #expect(try Rating.parse("  ").get() == nil)
    }

    @Test(arguments: ["Purple", "G", "Green-ish", "R/A"])
    func rejectsUnknownText(text: String) {
        #expect(throws: UnknownRating.self) { try Rating.parse(text).get() }
    }

    @Test func directionOfTravelOrdersRedAmberGreenBlueWithGreyAside() {
        #expect([Rating.red, .amber, .green, .blue].map(\.rank) == [0, 1, 2, 3])
        #expect(Rating.grey.rank == nil)
    }
}
