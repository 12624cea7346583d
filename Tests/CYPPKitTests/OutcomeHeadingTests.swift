import Testing
@testable import CYPPKit

@Suite("Outcome headings")
struct OutcomeHeadingTests {
    @Test(arguments: [
        ("Outcome 1: Children are safe", "1", "Children are safe"),
        ("OUTCOME 4: Children and Young People are safe", "4", "Children and Young People are safe"),
        ("Priority One: Leadership will drive our ambition", "1", "Leadership will drive our ambition"),
        ("Priority Six: Work with children", "6", "Work with children"),
        ("3. Improve outcomes", "3", "Improve outcomes"),
        ("Pillar 2 – Health", "2", "Health"),
        ("Area of focus 5: Early help", "5", "Early help"),
        ("Excellent childcare, schools, colleges and services", "7", "Excellent childcare, schools, colleges and services"),
        ("2019 Review", "7", "2019 Review"),
    ])
    func splitsRefAndTitle(heading: String, ref: String, title: String) {
        let parsed = OutcomeHeading.parse(heading, fallbackRef: "7")
        #expect(parsed.ref == ref)
        #expect(parsed.title == title)
    }
}
