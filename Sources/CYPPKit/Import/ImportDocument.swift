/// One line of an extracted plan document, numbered from 1 as an editor shows it.
public struct DocumentLine: Hashable, Sendable {
    public let number: Int
    public let text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }

    /// The line without surrounding whitespace (NBSP included).
    var trimmed: String { String(text.trimmingWhitespace()) }

    var isBlank: Bool { text.trimmingWhitespace().isEmpty }

    /// A line that carries no words: `--\t---`, `|---|--|`, a lone `|`. It is structure, not text,
    /// so it is never reported as unplaced.
    var isDecoration: Bool {
        text.allSatisfy { $0.isWhitespace || $0 == "-" || $0 == "|" || $0 == ":" }
    }

    /// Tab-separated cells, trimmed; a line without tabs is one cell.
    var tabCells: [String] {
        text.split(separator: "\t", omittingEmptySubsequences: false).map { String($0.trimmingWhitespace()) }
    }

    var hasTab: Bool { text.contains("\t") }
}

/// The text extracted from a council's plan document, split into numbered lines.
public struct ImportDocument: Sendable {
    public let path: String
    public let lines: [DocumentLine]

    /// Decodes UTF-8 (invalid bytes become U+FFFD), drops a byte-order mark and CRs before LFs.
    /// Splits bytes, not characters: Swift reads CRLF as one character.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [DocumentLine] = []
        for (i, raw) in bytes[start...].split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = raw.last == 0x0D ? raw.dropLast() : raw
            lines.append(DocumentLine(number: i + 1, text: String(decoding: line, as: UTF8.self)))
        }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// The file name without its folders: what plans record as their `source`.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
}
