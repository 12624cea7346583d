/// A JSON document whose long arrays are made one element at a time as it is written: the
/// report's lists of actions would otherwise be built as one `JSONValue` tree (over 1 GB for
/// 100k actions) and then one string. Written exactly as `JSONValue.rendered()` writes the
/// same document: keys sorted, two-space indents.
enum JSONStream {
    case value(JSONValue)
    /// `count` elements, element `i` made by `element(i)` when its turn comes.
    case array(count: Int, element: (Int) -> JSONValue)
    case object([String: JSONStream])

    /// The document with its trailing newline.
    func write(into out: inout ReportOutput) {
        write(into: &out, indent: 0)
        out += "\n"
    }

    private func write(into out: inout ReportOutput, indent: Int) {
        switch self {
        case .value(let v):
            out += v.rendered(indent: indent)
        case .array(let count, let element):
            if count == 0 {
                out += "[]"
                return
            }
            out += "[\n"
            let inner = String(repeating: " ", count: indent + 2)
            for i in 0..<count {
                out += inner + element(i).rendered(indent: indent + 2) + (i == count - 1 ? "\n" : ",\n")
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let fields):
            if fields.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                var name = String(repeating: " ", count: indent + 2)
                JSONValue.quote(key, into: &name)
                out += name + ": "
                fields[key, default: .value(.null)].write(into: &out, indent: indent + 2)
                out += i == keys.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
