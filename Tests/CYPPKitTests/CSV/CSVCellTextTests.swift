import Testing
@testable import CYPPKit

/// A field's cell text is trimmed on its bytes where it can be: it must equal decoding the
/// field and trimming the string, whatever the field holds.
@Suite("CSV cell text")
struct CSVCellTextTests {
    /// Each field of one record: its cell text, and the decoded-then-trimmed string.
    static func cells(_ record: String) -> [(fast: String, slow: String)] {
        let bytes = Array(record.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            guard let r = scanner.next() else { return [] }
            return r.fields.map { ($0.cellText(in: buffer), String($0.text(in: buffer).trimmingWhitespace())) }
        }
    }

    @Test(arguments: [
        ("plain,  padded  ,\"quoted\",\" quoted pad \"\n", ["plain", "padded", "quoted", "quoted pad"]),
        ("\"say \"\"hi\"\"\",\" \"\"edge\"\" \"\n", ["say \"hi\"", "\"edge\""]),
        ("\t\u{0B}\u{0C}x\u{0B},\"\r\n\"\n", ["x", ""]),
        ("\u{A0}nbsp\u{A0}, \u{2003}em space ,é,ü ,  é\n", ["nbsp", "em space", "é", "ü", "é"]),
        ("\"ab\"cd, \"x\" y \n", ["abcd", "\"x\" y"]),
        // A space with a combining mark is one whitespace character: trimmed as a string.
        ("a \u{301},\u{1C}a\u{1C}, ,,\n", ["a", "\u{1C}a\u{1C}", "", "", ""]),
        ("\"open  ", ["open"]),
    ])
    func trimsLikeTheString(record: String, expected: [String]) {
        let got = Self.cells(record)
        #expect(got.map(\.fast) == expected)
        #expect(got.map(\.fast) == got.map(\.slow))
    }

    @Test func invalidUTF8DecodesTheSameWayEitherWay() {
        let bytes: [UInt8] = [0x20, 0x61, 0xFF, 0x62, 0x20, 0x2C, 0xC3, 0x20, 0x61, 0x2C, 0x61, 0xE2, 0x82, 0x0A]
        let (fast, slow) = bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            let r = scanner.next()?.fields ?? []
            return (r.map { $0.cellText(in: buffer) }, r.map { String($0.text(in: buffer).trimmingWhitespace()) })
        }
        #expect(fast == slow)
        #expect(fast == ["a\u{FFFD}b", "\u{FFFD} a", "a\u{FFFD}"])
    }

    /// `next(into:)` refills one array; records and their lines are those `next()` gives.
    @Test func reusedFieldsGiveTheSameRecords() {
        let bytes = Array("h1,h2\n\"a\nb\",c\n\nd,e,f\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var one = CSVScanner(bytes: buffer), two = CSVScanner(bytes: buffer)
            var fields: [CSVField] = []
            while let record = one.next() {
                let place = two.next(into: &fields)
                #expect(place?.line == record.line && place?.range == record.range)
                #expect(fields.map(\.range) == record.fields.map(\.range))
                #expect(fields.map { $0.text(in: buffer) } == record.fields.map { $0.text(in: buffer) })
            }
            #expect(two.next(into: &fields) == nil && fields.isEmpty)
        }
    }
}
