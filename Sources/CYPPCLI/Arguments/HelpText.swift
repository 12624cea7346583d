/// `--help` text, generated from the same spec the parser uses.
enum HelpText {
    static func render(_ spec: CommandSpec) -> String {
        var out = "USAGE: cyppctl \(spec.name) [options] \(spec.arguments)\n\n\(spec.abstract)\n"
        let rows: [(String, String)] = spec.options.map { o in
            let left = o.valueName.map { "\(o.name) \($0)" } ?? o.name
            var right = o.help
            if !o.allowed.isEmpty { right += " One of: \(o.allowed.joined(separator: ", "))." }
            if let d = o.defaultValue { right += " (default: \(d))" }
            return (left, right)
        } + [("-h, --help", "Show this help.")]
        let width = min(28, (rows.map(\.0.count).max() ?? 0) + 2)
        out += "\nOPTIONS:\n"
        for (left, right) in rows {
            let pad = left.count < width ? String(repeating: " ", count: width - left.count) : "\n" + String(repeating: " ", count: width + 2)
            out += "  \(left)\(pad)\(right)\n"
        }
        if !spec.discussion.isEmpty { out += "\n" + spec.discussion + "\n" }
        return out
    }
}
