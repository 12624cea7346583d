import Testing
@testable import CYPPKit

/// `overdue --owner` looks for its text in every row's owner cell and person on bytes where
/// that means the same: it must answer as the search on lowercased text does, for every pairing.
@Suite("Case-insensitive substring")
struct ContainsIgnoringCaseTests {
    static let texts = [
        "", "Jeff Banks, Service Director, ABSS", "HoS (ZZ)", "hos (zz)", "DCS", "Zoë Ó Briain, Head of Inclusion, SBC",
        "Zoe\u{301} O'Brien", "Group Manager\r\nYouth Support", "CAFÉ team", "ab", "a",
    ]
    static let wants = [
        "", "director", "hos (zz)", "dcs", "zoë", "zoé", "ó b", "e", "manager\r\nyouth", "\n", "\r", "café", "abc", "b", " ",
    ]

    @Test(arguments: texts)
    func answersAsTheSearchOnLowercasedText(text: String) {
        for want in Self.wants {
            #expect(text.containsIgnoringCase(lowercased: want) == text.lowercasedContains(want), "want \(Array(want.unicodeScalars))")
        }
    }
}
