/// A JSON document built from the model and written with sorted keys, so output is
/// stable and valid for any text a plan holds (control characters are escaped).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indents and a trailing newline.
    public func rendered() -> String {
        var out: [UInt8] = []
        append(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON array written element by element, so a million items never sit in memory as
    /// one document: the same text `JSONValue.array(items).rendered()` gives.
    public static func writeArray<S: Sequence>(_ items: S, to write: (String) -> Void) where S.Element == JSONValue {
        var writer = JSONArrayWriter()
        for item in items { write(writer.element(item)) }
        write(writer.end())
    }

    /// This value as an element nested `indent` spaces deep, without a trailing newline.
    public func rendered(indent: Int) -> String {
        var out: [UInt8] = []
        append(to: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// `rendered(indent:)`'s bytes appended to `out`: written as bytes, not appended to a
    /// String piece by piece (which was most of `list --format json`).
    public func append(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(decimal: i)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .string(let s): JSONValue.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty { return out.append(contentsOf: "[]".utf8) }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                out.append(spaces: indent + 2)
                item.append(to: &out, indent: indent + 2)
                out.append(contentsOf: (i == items.count - 1 ? "\n" : ",\n").utf8)
            }
            out.append(spaces: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { return out.append(contentsOf: "{}".utf8) }
            out.append(contentsOf: "{\n".utf8)
            // Sorting the pairs, not the keys, saves looking each one up again.
            let sorted = fields.sorted { $0.key < $1.key }
            for (i, field) in sorted.enumerated() {
                out.append(spaces: indent + 2)
                JSONValue.appendQuoted(field.key, to: &out)
                out.append(contentsOf: ": ".utf8)
                field.value.append(to: &out, indent: indent + 2)
                out.append(contentsOf: (i == sorted.count - 1 ? "\n" : ",\n").utf8)
            }
            out.append(spaces: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        out += needsEscape(s) ? escaped(s) : s
        out += "\""
    }

    /// The text with quotes, backslashes and controls escaped, U+2028/9 too (they end a line in
    /// JavaScript) and U+FEFF (some readers, Foundation's JSONSerialization, drop it).
    private static func escaped(_ s: String) -> String { s.replacingBytes(escape) }

    /// `quote(s)`'s bytes appended to `out`: what a streamed listing writes.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        if needsEscape(s) {
            s.appendBytes(replacing: escape, to: &out)
        } else {
            out.append(utf8: s)
        }
        out.append(0x22)
    }

    /// Most text needs no escape: one byte scan, then the whole string. 0xE2 and 0xEF lead
    /// U+2028/9 and U+FEFF, so text with them takes the careful way.
    private static func needsEscape(_ s: String) -> Bool {
        s.containsByte(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 || $0 == 0xEF })
    }

    /// The escape for the bytes at `i`, or nil to keep the byte.
    private static func escape(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (replacement: String, width: Int)? {
        switch b[i] {
        case 0x22: ("\\\"", 1)
        case 0x5C: ("\\\\", 1)
        case 0x0A: ("\\n", 1)
        case 0x0D: ("\\r", 1)
        case 0x09: ("\\t", 1)
        case 0x00..<0x20, 0x7F: (hex(UInt32(b[i])), 1)
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
            (hex(b[i + 2] == 0xA8 ? 0x2028 : 0x2029), 3)
        case 0xEF where i + 2 < b.count && b[i + 1] == 0xBB && b[i + 2] == 0xBF: (hex(0xFEFF), 3)
        default: nil
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

/// The pieces of a pretty-printed JSON array, one element at a time: for output that is
/// produced while a plan is still being read.
public struct JSONArrayWriter: Sendable {
    private var count = 0

    public init() {}

    /// The text for the next element, with the bracket or comma before it.
    public mutating func element(_ value: JSONValue) -> String {
        separator() + value.rendered(indent: 2)
    }

    /// What goes before the next element, already rendered two spaces deep.
    public mutating func separator() -> String {
        defer { count += 1 }
        return count == 0 ? "[\n  " : ",\n  "
    }

    /// The closing text: `[]` when there were no elements.
    public func end() -> String { count == 0 ? "[]\n" : "\n]\n" }
}
