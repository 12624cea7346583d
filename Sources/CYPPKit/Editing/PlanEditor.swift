/// Changes cells of a plan file in place: only the bytes of the cells edited change,
/// so `git diff` shows just that action's line and a Markdown table keeps its layout.
public enum PlanEditor {
    public enum Field: String, Sendable, CaseIterable {
        case progress, impact, narrative
    }

    public struct Edit: Sendable, Equatable {
        public let ref: String
        public let field: Field
        public let value: String

        public init(ref: String, field: Field, value: String) {
            self.ref = ref
            self.field = field
            self.value = value
        }
    }

    /// The file's bytes with `edits` applied; no edits gives the bytes back unchanged.
    public static func apply(_ edits: [Edit], to source: SourceText, plan: Plan) throws(EditError) -> [UInt8] {
        var replacements: [(Range<Int>, [UInt8])] = []
        for edit in edits {
            guard let (_, action) = plan.action(ref: edit.ref) else { throw .unknownRef(edit.ref) }
            let range: Range<Int>?
            switch edit.field {
            case .progress: range = action.cells.progress
            case .impact: range = action.cells.impact
            case .narrative: range = action.cells.narrative
            }
            guard let range else { throw .noCell(ref: edit.ref, field: edit.field, location: action.location) }
            let old = source.bytes[range]
            let new = plan.format == .csv ? csvCell(edit.value, crlf: usesCRLF(source)) : markdownCell(edit.value, replacing: old)
            replacements.append((range, new))
        }
        // Later ranges first, so earlier offsets stay valid.
        var bytes = source.bytes
        for (range, new) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            bytes.replaceSubrange(range, with: new)
        }
        return bytes
    }

    /// A line break inside the value follows the file's own convention, LF or CRLF.
    private static func csvCell(_ value: String, crlf: Bool) -> [UInt8] {
        let lf = value.replacingAll("\r\n", with: "\n")
        return Array(CSVWriter.quoted(crlf ? lf.replacingAll("\n", with: "\r\n") : lf).utf8)
    }

    /// Whether the file's first line ends in CRLF.
    private static func usesCRLF(_ source: SourceText) -> Bool {
        guard let lf = source.bytes.firstIndex(of: UInt8(ascii: "\n")) else { return false }
        return lf > 0 && source.bytes[lf - 1] == UInt8(ascii: "\r")
    }

    /// ` Green ` padded to the old cell's width when it fits, so aligned tables stay aligned.
    private static func markdownCell(_ value: String, replacing old: ArraySlice<UInt8>) -> [UInt8] {
        let text = " " + MarkdownCellText.encode(value) + " "
        let oldWidth = String(decoding: old, as: UTF8.self).count
        let padding = max(0, oldWidth - text.count)
        return Array((text + String(repeating: " ", count: padding)).utf8)
    }
}

public enum EditError: Error, Equatable, CustomStringConvertible {
    case unknownRef(String)
    case noCell(ref: String, field: PlanEditor.Field, location: SourceLocation)

    public var description: String {
        switch self {
        case .unknownRef(let r): "no action with ref '\(r)'"
        case .noCell(let r, let f, let at):
            "\(at): action '\(r)' has no \(f) cell to change; add \(f == .impact ? "an 'Impact'" : f == .narrative ? "a 'Progress Narrative'" : "a 'Progress'") column to the table"
        }
    }
}
