/// A problem found in a plan, with where it is and a stable code users can look up.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public let code: DiagnosticCode
    public let severity: Severity
    public let location: SourceLocation
    public let message: String

    public init(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.code = code
        self.severity = code.severity
        self.location = location
        self.message = message
    }

    /// `file:line:col: error: message [CYPP004]`, the form editors and CI annotators parse.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(code.id)]"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
