/// What argv said, checked against a `CommandSpec`.
struct ParsedArguments: Sendable {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Parses `argv` (after the command name). `--name=value` and `--name value` both work;
    /// `--` ends options.
    static func parse(_ argv: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var i = 0
        var optionsEnded = false
        while i < argv.count {
            let arg = argv[i]
            i += 1
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" { optionsEnded = true; continue }
            if arg == "-h" || arg == "--help" { parsed.flags.insert("--help"); continue }
            var name = arg
            var inline: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw .unknownOption(name, suggestion: Suggest.closest(to: name, in: spec.options.map(\.name) + ["--help"]))
            }
            guard option.valueName != nil else {
                if inline != nil { throw .unexpectedValue(name) }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else if i < argv.count {
                value = argv[i]
                i += 1
            } else {
                throw .missingValue(name, option.valueName ?? "VALUE")
            }
            if !option.allowed.isEmpty, !option.allowed.contains(value) {
                throw .invalidValue(name, value, allowed: option.allowed)
            }
            parsed.values[name, default: []].append(value)
        }
        if !parsed.flag("--help") {
            if parsed.positionals.count < spec.minPositionals { throw .missingArgument(spec.arguments) }
            if parsed.positionals.count > spec.maxPositionals {
                throw .unexpectedArgument(parsed.positionals[spec.maxPositionals])
            }
        }
        return parsed
    }
}
