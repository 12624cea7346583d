/// One declarative description of a command: it drives both parsing and `--help`.
struct CommandSpec: Sendable {
    var name: String
    var abstract: String
    /// What follows the options in the usage line, e.g. `[PLAN-FILE-OR-DIR ...]`.
    var arguments: String = "[PLAN-FILE-OR-DIR ...]"
    var options: [OptionSpec] = []
    /// Longer text after the options: examples, exit codes.
    var discussion: String = ""
    var minPositionals = 0
    var maxPositionals = Int.max
}

struct OptionSpec: Sendable {
    var name: String
    /// nil for a flag; otherwise shown in help, e.g. `DAYS`.
    var valueName: String?
    var help: String
    /// Values an enum-like option accepts; checked while parsing, listed in help.
    var allowed: [String] = []
    var defaultValue: String?

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }

    static func value(_ name: String, _ valueName: String, _ help: String,
                      allowed: [String] = [], default defaultValue: String? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, allowed: allowed, defaultValue: defaultValue)
    }

    static let asOf = value("--as-of", "DATE", "Date to judge deadlines against, YYYY-MM-DD.", default: "today")

    static func format(_ allowed: [String]) -> OptionSpec {
        value("--format", "FORMAT", "Output format.", allowed: allowed, default: allowed.first)
    }
}
