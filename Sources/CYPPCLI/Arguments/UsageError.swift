/// A command line that cannot be run as written: exit 64 with a one-line hint.
enum UsageError: Error, Equatable {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case missingValue(String, String)
    case unexpectedValue(String)
    case invalidValue(String, String, allowed: [String])
    case invalidDate(String, String)
    case invalidNumber(String, String)
    case missingArgument(String)
    case unexpectedArgument(String)
    case other(String)

    var message: String {
        switch self {
        case .unknownCommand(let c, let s) where c.hasPrefix("-"):
            "unknown option '\(c)' before any command" + (s.map { ", did you mean '\($0)'?" } ?? "")
                + " (options follow the command: cyppctl COMMAND [OPTIONS])"
        case .unknownCommand(let c, let s): "unknown command '\(c)'" + (s.map { ", did you mean '\($0)'?" } ?? "")
        case .unknownOption(let o, let s): "unknown option '\(o)'" + (s.map { ", did you mean '\($0)'?" } ?? "")
        case .missingValue(let o, let v): "option '\(o)' needs a value (\(v))"
        case .unexpectedValue(let o): "option '\(o)' takes no value"
        case .invalidValue(let o, let v, let allowed):
            "invalid value '\(v)' for '\(o)' (expected one of: \(allowed.joined(separator: ", ")))"
        case .invalidDate(let o, let v): "invalid date '\(v)' for '\(o)' (expected YYYY-MM-DD)"
        case .invalidNumber(let o, let v): "invalid number '\(v)' for '\(o)' (expected a whole number of days, 0 or more)"
        case .missingArgument(let what): "missing argument: \(what)"
        case .unexpectedArgument(let a): "unexpected argument '\(a)'"
        case .other(let m): m
        }
    }
}

/// "did you mean --format?": the nearest name within a small edit distance.
enum Suggest {
    static func closest(to input: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(input, $0)) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, input.count / 3) else { return nil }
        return best
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(64)), b = Array(b.prefix(64))
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var row = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                row[j + 1] = min(previous[j + 1] + 1, row[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
