/// One field as it sits in the file. Its text is decoded only when asked for, so a reader
/// that needs three columns of a million rows does not build ten million strings.
public struct CSVField: Sendable {
    /// The raw bytes of the field, quotes and any stray text after them included: what an edit replaces.
    public var range: Range<Int>
    /// The bytes between the quotes (or the whole field when unquoted).
    var content: Range<Int>
    /// Text after a closing quote (`"ab"cd`): not RFC 4180, kept rather than lost.
    var trailing: Range<Int>
    public var line: Int
    /// Offset of the field's line start: columns are computed only when a diagnostic needs one.
    public var lineStart: Int
    public var wasQuoted: Bool
    /// True when the content holds `""`, which decodes to one quote.
    var hasEscapedQuotes: Bool

    public var isEmpty: Bool { content.isEmpty && trailing.isEmpty }

    /// The field's text; `bytes` must be the buffer the scanner read.
    public func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var s = String(decoding: UnsafeBufferPointer(rebasing: bytes[content]), as: UTF8.self)
        if hasEscapedQuotes { s = s.replacingAll("\"\"", with: "\"") }
        if !trailing.isEmpty { s += String(decoding: UnsafeBufferPointer(rebasing: bytes[trailing]), as: UTF8.self) }
        return s
    }
}

public struct CSVRecord: Sendable {
    public var fields: [CSVField]
    /// Line of the record's first byte (a quoted field may span lines).
    public var line: Int
    /// All of the record's bytes, for checking them once (UTF-8) without a second pass over the file.
    public var range: Range<Int>

    public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}

/// A recoverable problem the scanner met; the plan reader turns it into a diagnostic.
public struct CSVProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case unterminatedQuote, quoteInUnquotedField }
    public let kind: Kind
    public let line: Int
    public let offset: Int
    public let lineStart: Int
}
