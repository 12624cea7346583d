import Foundation
import Testing

@testable import CYPPKit

/// The byte-level row splitter against the one it replaced (`ReferencePipeRow`), on every line
/// of the bundled plans and the Markdown fixtures (the malformed corpus included), and on
/// generated lines made of the pieces the splitter treats specially.
@Suite("Pipe rows: the byte-level splitter matches the reference")
struct PipeRowEquivalenceTests {
    /// Every Markdown file of the repository's plans and fixtures, as bytes.
    static let files: [(name: String, bytes: [UInt8])] = {
        var found: [(String, [UInt8])] = []
        for folder in ["plans", "Tests/Fixtures"] {
            let root = Repo.path(folder)
            for case let relative as String in FileManager.default.enumerator(atPath: root) ?? .init()
            where relative.hasSuffix(".md") {
                if let data = FileManager.default.contents(atPath: root + "/" + relative) {
                    found.append((folder + "/" + relative, Array(data)))
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }()

    /// Lines as the reader cuts them (LF, CRLF, or CR in a CR-only file).
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [MarkdownLine] {
        var cursor = LineCursor(bytes: bytes, start: 0)
        var lines: [MarkdownLine] = []
        while let line = cursor.next() { lines.append(line) }
        return lines
    }

    /// Every difference between the two splitters on one line, described.
    static func differences(_ bytes: UnsafeBufferPointer<UInt8>, _ line: MarkdownLine) -> [String] {
        var found: [String] = []
        if PipeRow.hasPipe(bytes, line) != ReferencePipeRow.hasPipe(bytes, line) { found.append("hasPipe") }
        let new = PipeRow.cells(bytes, line, file: "f.md"), old = ReferencePipeRow.cells(bytes, line, file: "f.md")
        if new.location != old.location { found.append("row location") }
        if new.cells.count != old.cells.count {
            found.append("\(new.cells.count) cells, expected \(old.cells.count)")
        } else {
            for (i, (n, o)) in zip(new.cells, old.cells).enumerated() {
                if n.text != o.text { found.append("cell \(i) text \(n.text.debugDescription), expected \(o.text.debugDescription)") }
                if n.range != o.range { found.append("cell \(i) range \(n.range), expected \(o.range)") }
                let nAt = new.location(of: n), oAt = old.location(of: o)
                if nAt != oAt { found.append("cell \(i) at \(nAt), expected \(oAt)") }
            }
        }
        if PipeRow.isDelimiter(bytes, line, file: "f.md") != ReferencePipeRow.isDelimiter(old) { found.append("isDelimiter") }
        return found
    }

    @Test func everyLineOfThePlansAndFixturesSplitsAsBefore() {
        #expect(Self.files.count > 30)
        var lineCount = 0
        for (name, bytes) in Self.files {
            bytes.withUnsafeBufferPointer { b in
                for line in Self.lines(b) {
                    lineCount += 1
                    let found = Self.differences(b, line)
                    #expect(found.isEmpty, "\(name):\(line.number): \(found)")
                }
            }
        }
        #expect(lineCount > 1_000)
    }

    /// The pieces a row is made of: pipes, escapes, blanks, dashes and colons, `<br>` forms,
    /// Unicode spaces and marks at cell edges, controls, and bytes that are not UTF-8.
    static let pieces: [[UInt8]] =
        ["|", "|", "|", "\\", "\\|", " ", " ", "\t", "-", "---", ":", "a", "x y", "é", "Ł", "“", "”", "’",
         "<br>", "<BR>", "<br />", "<br/>", "<b", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{301}", "\u{200D}",
         "\u{0B}", "\r", "\u{1F}", "\u{7F}", "😀", "\u{1F1EC}\u{1F1E7}"].map { Array($0.utf8) }
        + [[0xFF], [0x80], [0xE2, 0x80], [0xC0, 0xA1], [0xF0]]

    /// Deterministic lines of up to 14 pieces (a fixed-seed linear congruential generator).
    static func generatedLines(_ count: Int) -> [[UInt8]] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(15)).flatMap { _ in pieces[next(pieces.count)] } }
    }

    @Test func generatedRowsSplitAsBefore() {
        for line in Self.generatedLines(30_000) {
            line.withUnsafeBufferPointer { b in
                let found = Self.differences(b, MarkdownLine(number: 7, start: 0, end: b.count))
                #expect(found.isEmpty, "\(line): \(found)")
            }
        }
    }

    /// The same lines inside a larger buffer, so no test leans on a line starting at offset 0.
    @Test func generatedRowsSplitAsBeforeAtAnyOffset() {
        let lines = Self.generatedLines(2_000)
        let joined = lines.flatMap { $0 + [UInt8(ascii: "\n")] }
        joined.withUnsafeBufferPointer { b in
            for line in Self.lines(b) {
                let found = Self.differences(b, line)
                #expect(found.isEmpty, "line \(line.number): \(found)")
            }
        }
    }

    @Test func oneDecodingPassMatchesReplacingEachFormInTurn() {
        for line in Self.generatedLines(20_000) {
            let text = String(decoding: line, as: UTF8.self)
            #expect(MarkdownCellText.decode(text) == ReferencePipeRow.decode(text), "\(text.debugDescription)")
        }
        #expect(MarkdownCellText.decode(#"a\\|b<br /><br/><br><BR><bR>\|"#) == "a\\|b\n\n\n\n<bR>|")
    }
}
