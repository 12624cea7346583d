/// One field as it sits in the file: decoded text plus where its bytes are.
public struct CSVField: Sendable {
    public var text: String
    /// The raw bytes of the field, quotes included: what an edit replaces.
    public var range: Range<Int>
    public var line: Int
    /// Offset of the field's line start: columns are computed only when a diagnostic needs one.
    public var lineStart: Int
    public var wasQuoted: Bool
}

public struct CSVRecord: Sendable {
    public var fields: [CSVField]
    /// Line of the record's first byte (a quoted field may span lines).
    public var line: Int

    public var isBlank: Bool { fields.allSatisfy { $0.text.isEmpty } }
}

/// A recoverable problem the scanner met; the plan reader turns it into a diagnostic.
public struct CSVProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case unterminatedQuote, quoteInUnquotedField }
    public let kind: Kind
    public let line: Int
    public let offset: Int
    public let lineStart: Int
}
