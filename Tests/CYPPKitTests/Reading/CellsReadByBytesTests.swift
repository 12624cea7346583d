import Testing
@testable import CYPPKit

/// Dates, owners and ratings are looked up by their cells' bytes, once per distinct text.
/// A cell is left as bytes only when its text needs no decoding; either way an action holds
/// the text the cell means, and a problem quotes it.
@Suite("Cells read by their bytes")
struct CellsReadByBytesTests {
    @Test func aMemoMakesEachDistinctValueOnceAndComparesBytes() {
        var memo = ByteMemo<String>()
        var made: [String] = []
        func look(_ s: String) -> String {
            Array(s.utf8).withUnsafeBufferPointer { key in
                memo.value(for: key) { bytes in
                    let text = String(decoding: bytes, as: UTF8.self)
                    made.append(text)
                    return text.uppercased()
                }
            }
        }
        // Enough distinct keys to grow the table several times, each asked for twice; keys
        // of every length to five words, and keys that differ only in one byte of a word or
        // of the tail (the hash takes eight bytes a step, then the last eight or fewer as one).
        let lengths = (1...40).map { String(repeating: "a", count: $0) }
        let oneByte = (0..<40).map { i in String((0..<40).map { $0 == i ? "b" : "a" } as [Character]) }
        let keys = (0..<300).map { "March \(2000 + $0)" } + ["", "Zoë", "Zoe\u{308}"] + lengths + oneByte
        for k in keys + keys.reversed() { #expect(Array(look(k).utf8) == Array(k.uppercased().utf8)) }
        // Composed and decomposed ë are equal strings but different bytes: two entries.
        #expect(made == keys)
    }

    @Test func pastItsLimitAMemoWorksValuesOutEachTime() {
        var memo = ByteMemo<Int>(limit: 2)
        var calls = 0
        for k in ["a", "b", "c", "c", "a"] {
            let n = Array(k.utf8).withUnsafeBufferPointer { memo.value(for: $0) { _ in calls += 1; return calls } }
            #expect(n > 0)
        }
        #expect(calls == 4)  // a and b kept; c made twice
    }

    @Test func csvCellsMeanWhatTheyDecodeTo() throws {
        let text = [
            "Plan,Outcome,Ref,Action,Milestone,Due Date,Owner,Progress,Impact",
            "P,1. One,1.1,First,,  March 2019  ,\"Smith, \"\"Jo\"\"\",  green ,AMBER",
            ",,,,Second step,\u{A0}April 2019\u{A0},Zoë Ó Briain,,",
            ",,1.2,Other,,Spring 2020,\"Smith, \"\"Jo\"\"\",Green,amber",
            ",,1.3,Third,,March 2019,Zoë Ó Briain,Purple,",
            ",,,,Next,Whenever it suits,,Red,",
        ].joined(separator: "\n") + "\n"
        let (plan, diagnostics) = PlanLoader.parse(SourceText("p.csv", text))
        let actions = plan.outcomes.flatMap(\.actions)
        #expect(actions.map(\.owner) == ["Smith, \"Jo\"", "Smith, \"Jo\"", "Zoë Ó Briain"])
        #expect(actions.map(\.due.text) == ["March 2019", "Spring 2020", "March 2019"])
        #expect(actions.map(\.progress) == [.green, .green, nil])
        #expect(actions.map(\.impact) == [.amber, .amber, nil])
        #expect(actions[0].milestones.map(\.due?.text) == ["April 2019"])
        #expect(actions[0].milestones.map(\.owner) == ["Zoë Ó Briain"])
        #expect(diagnostics.map(\.message) == [
            "unknown progress rating 'Purple' (expected Blue, Red, Amber, Green, Grey or blank)",
            "unparsed due date 'Whenever it suits'; no deadline taken from it",
            "'Red' in a continuation row is ignored: only the action's own row has a progress cell",
        ])
    }

    @Test func markdownCellsMeanWhatTheyDecodeTo() throws {
        let text = """
            # P

            ## 1. One

            | Ref | Action | Due | Owner | Progress |
            |---|---|---|---|---|
            | 1.1 | First | March 2019 | A \\| B | Green |
            | 1.2 | Second | March<br>2019 | Zoë | green |
            | 1.3 | Third | Soonish | A \\| B | Teal |

            """
        let (plan, diagnostics) = PlanLoader.parse(SourceText("p.md", text))
        let actions = plan.outcomes.flatMap(\.actions)
        #expect(actions.map(\.owner) == ["A | B", "Zoë", "A | B"])
        #expect(actions.map(\.due.text) == ["March 2019", "March\n2019", "Soonish"])
        #expect(actions.map(\.progress) == [.green, .green, nil])
        #expect(diagnostics.map(\.message) == [
            "unparsed due date 'Soonish'; no deadline taken from it",
            "unknown progress rating 'Teal' (expected Blue, Red, Amber, Green, Grey or blank)",
        ])
    }

    /// A field is left as bytes when its text needs no decoding, and those bytes are then its
    /// cell text exactly.
    @Test(arguments: [
        ("plain,  padded  ,\"quoted\",\" quoted pad \",\"say \"\"hi\"\"\",\"ab\"cd\n", [true, true, true, true, false, false]),
        ("\t\u{0B}x\u{0B},\"\r\n\",\u{A0}nbsp\u{A0}, é ,Zoë Ó,,it’s\n", [true, true, false, true, true, true, true]),
    ])
    func plainCSVFieldsAreTheirCellText(record: String, plain: [Bool]) {
        let bytes = Array(record.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            let fields = scanner.next()?.fields ?? []
            #expect(fields.map { $0.plainText(in: buffer) != nil } == plain)
            for f in fields {
                guard let r = f.plainText(in: buffer) else { continue }
                #expect(Array(buffer[r]) == Array(f.cellText(in: buffer).utf8))
            }
        }
    }

    /// A Markdown cell is left as bytes only when reading it would give those bytes: no
    /// escape or `<br>` to decode, no Unicode blank to trim (`ByteScan.hasPlainEdges`).
    @Test(arguments: [("March 2019", true), ("Zoë Ó Briain, DCS", true), ("Q1 2019/20", true), ("A \\| B", false),
                      ("a<br>b", false), ("x\\", false), ("<b>", false), ("Zoë", true), ("\u{A0}x", false), ("it’s", true), ("e\u{301}", false)])
    func plainMarkdownCellsAreTheirText(cell: String, plain: Bool) {
        let bytes = Array(cell.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(MarkdownCellText.isPlain(buffer, 0..<buffer.count) == plain)
            if plain { #expect(MarkdownCellText.read(buffer, 0..<buffer.count) == cell) }
        }
    }

    /// Edges judged plain from their bytes are edges Unicode trimming keeps: tried with every
    /// pair of a set of edge characters (blanks, marks that join the character before them,
    /// letters, quotes, symbols) around a middle, and with the bytes of each cut short.
    @Test func plainEdgesAreNeverTrimmed() {
        let edges = ["a", "~", " ", "\t", "\u{A0}", "\u{85}", "\u{2028}", "\u{3000}", "\u{2003}", "\u{301}", "\u{200D}", "©", "\u{600}",
                     "é", "Ł", "ʼ", "’", "“", "–", "…", "€", "ÿ", "\u{2FF}", "\u{300}", "\u{2009}", "\u{1F600}", "中", "\u{FFFD}"]
        var plainSeen = 0
        for first in edges {
            for last in edges {
                for middle in ["", "x", " y "] {
                    let text = first + middle + last
                    let bytes = Array(text.utf8)
                    bytes.withUnsafeBufferPointer { buffer in
                        for end in 1...buffer.count {
                            let cut = String(decoding: UnsafeBufferPointer(rebasing: buffer[..<end]), as: UTF8.self)
                            guard ByteScan.hasPlainEdges(buffer, 0..<end) else { continue }
                            plainSeen += 1
                            var slow = cut[...]
                            while let f = slow.first, f.isWhitespace { slow = slow.dropFirst() }
                            while let l = slow.last, l.isWhitespace { slow = slow.dropLast() }
                            #expect(slow == cut[...], "\(cut.debugDescription) judged plain but trims to \(slow.debugDescription)")
                            #expect(cut.unicodeScalars.first?.value != 0xFFFD && cut.unicodeScalars.last?.value != 0xFFFD,
                                    "\(cut.debugDescription): a cut sequence is not a plain edge")
                        }
                    }
                }
            }
        }
        #expect(plainSeen > 1000)
    }

    /// A due date keeps its own cell's spelling: two rows writing one text with a composed and
    /// a decomposed accent (equal as strings) each list their own bytes, whether the cell was
    /// read as bytes or decoded.
    @Test func aDueDateKeepsItsCellsSpelling() {
        let composed = "Ao\u{FB}t 2019", decomposed = "Aou\u{302}t 2019"
        let text = [
            "Ref,Action,Due Date",
            "1.1,One,\(composed)", "1.2,Two,\(decomposed)",
            "1.3,Three,\"\(composed) \"\"\"", "1.4,Four,\"\(decomposed) \"\"\"",
        ].joined(separator: "\n") + "\n"
        let (plan, _) = PlanLoader.parse(SourceText("p.csv", text))
        let dues = plan.outcomes.flatMap(\.actions).map { Array($0.due.text.utf8) }
        #expect(dues == [composed, decomposed, composed + " \"", decomposed + " \""].map { Array($0.utf8) })
    }
}
