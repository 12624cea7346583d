/// sysexits(3) codes, as the README documents them.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    /// Only with `--exit-code`: something was found (like `git diff --exit-code`).
    case found = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case cannotCreate = 73
    case ioError = 74
    case tempFail = 75
}

/// Why a command stopped early; `CLI` turns it into a message and an exit code.
enum CommandError: Error {
    case usage(UsageError, command: String?)
    case input(String)
    case data(String)
    case cannotWrite(String)
    case busy(String)
    /// A temporary file could not be written or read back.
    case ioError(String)

    var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case .input: .noInput
        case .data: .dataError
        case .cannotWrite: .cannotCreate
        case .busy: .tempFail
        case .ioError: .ioError
        }
    }
}
