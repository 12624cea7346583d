/// One item of a table cell: what a reader lines up with leads and due dates.
struct CellItem: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Text outside any paragraph or list.
        case plain
        /// A `<p>` or `<div>` block.
        case paragraph
        /// A `•` bullet or an `<li>`.
        case bullet
        /// Text in a `<ul>` whose bullets the extraction lost: several items may be run together.
        case runOn
    }

    var kind: Kind
    var text: String
}

/// The HTML fragments PDF/Word extraction leaves in table cells: `<p>`, `<div>`, `<ul>`/`<li>`,
/// `<i>`, `<br>`, entities. Only these tags are read as tags, so text such as `<2% of staff`
/// stays text.
enum HTMLFragment {
    private static let blockTags: Set<String> = ["p", "div"]
    private static let listTags: Set<String> = ["ul", "ol"]
    private static let inlineTags: Set<String> = ["i", "b", "em", "strong", "span", "u", "font", "sup", "sub"]

    /// The cell as plain text: tags removed, entities decoded, whitespace collapsed.
    /// Bullets (`•`) are kept: they are the document's own marks.
    static func text(_ cell: String) -> String {
        var out = ""
        for token in tokens(cell) {
            switch token {
            case .text(let t): out += t
            case .tag(let name, _): if !inlineTags.contains(name) { out += " " }
            }
        }
        return out.collapsingWhitespace()
    }

    /// The cell's items: one per paragraph, bullet or list, in order; empty ones dropped.
    /// A nested list belongs to the item it follows.
    static func items(_ cell: String) -> [CellItem] {
        var items: [CellItem] = []
        var buffer = ""
        var kind = CellItem.Kind.plain
        var listDepth = 0
        func flush() {
            var t = buffer.collapsingWhitespace()
            buffer = ""
            if kind == .bullet, t.hasSuffix(";") { t.removeLast() }
            t = String(t.trimmingWhitespace())
            if !t.isEmpty { items.append(CellItem(kind: kind, text: t)) }
        }
        for token in tokens(cell) {
            switch token {
            case .text(let t):
                for ch in t {
                    if ch == "•" {
                        flush()
                        kind = .bullet
                    } else {
                        buffer.append(ch)
                    }
                }
            case .tag(let name, let closing):
                if inlineTags.contains(name) { continue }
                if listTags.contains(name) {
                    if closing {
                        listDepth = max(0, listDepth - 1)
                        if listDepth == 0 { flush(); kind = .plain } else { buffer += " " }
                    } else {
                        if listDepth == 0 { flush(); kind = .runOn } else { buffer += " " }
                        listDepth += 1
                    }
                } else if blockTags.contains(name) {
                    flush()
                    kind = closing ? (listDepth > 0 ? .runOn : .plain) : .paragraph
                } else if name == "li" {
                    if listDepth > 1 { buffer += " "; continue }
                    flush()
                    kind = closing ? .runOn : .bullet
                } else {  // br
                    flush()
                }
            }
        }
        flush()
        return items
    }

    private enum Token {
        case text(String)
        case tag(String, closing: Bool)
    }

    private static let known = blockTags.union(listTags).union(inlineTags).union(["li", "br"])

    /// Splits into text and known tags; entities are decoded inside text.
    private static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        var text = ""
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            if ch == "<", let (name, closing, end) = tag(in: s, at: i) {
                if !text.isEmpty { out.append(.text(text)); text = "" }
                out.append(.tag(name, closing: closing))
                i = end
            } else if ch == "&", let (decoded, end) = entity(in: s, at: i) {
                text += decoded
                i = end
            } else {
                text.append(ch)
                i = s.index(after: i)
            }
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }

    /// `<p>`, `</div>`, `<ul style="…">`, `<br/>`: a known name, then attributes up to `>`.
    private static func tag(in s: String, at start: String.Index) -> (String, Bool, String.Index)? {
        var i = s.index(after: start)
        var closing = false
        if i < s.endIndex, s[i] == "/" { closing = true; i = s.index(after: i) }
        let nameStart = i
        while i < s.endIndex, s[i].isASCII, s[i].isLetter { i = s.index(after: i) }
        let name = s[nameStart..<i].lowercased()
        guard known.contains(name), i < s.endIndex else { return nil }
        var steps = 0
        while i < s.endIndex, s[i] != ">" {
            if s[i] == "<" || steps > 200 { return nil }
            steps += 1
            i = s.index(after: i)
        }
        guard i < s.endIndex else { return nil }
        // `<pre>` must not read as `<p>`: after the name comes `>`, `/` or a space.
        let after = s[s.index(nameStart, offsetBy: name.count)]
        guard after == ">" || after == "/" || after == " " else { return nil }
        return (name, closing, s.index(after: i))
    }

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "rsquo": "’", "lsquo": "‘", "pound": "£", "bull": "•",
    ]

    private static func entity(in s: String, at start: String.Index) -> (String, String.Index)? {
        guard let semi = s[start...].prefix(12).firstIndex(of: ";") else { return nil }
        let name = String(s[s.index(after: start)..<semi])
        if let e = entities[name.lowercased()] { return (e, s.index(after: semi)) }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            if let value, let scalar = Unicode.Scalar(value) { return (String(Character(scalar)), s.index(after: semi)) }
        }
        return nil
    }
}
