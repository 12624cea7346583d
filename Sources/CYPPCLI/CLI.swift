import CYPPKit

/// The command line as a function: argv in, exit code out, output through `env`.
public enum CLI {
    public static let version = "0.1.0"

    static var commands: [any Command.Type] {
        [ReportCommand.self, CheckCommand.self, ListCommand.self, ShowCommand.self, OverdueCommand.self, OwnersCommand.self,
         RateCommand.self, HistoryCommand.self, ImportCommand.self]
    }

    public static func run(_ arguments: [String], env: Environment) -> Int32 {
        guard let first = arguments.first else {
            env.stderr.write(overview())
            return ExitCode.usage.rawValue
        }
        switch first {
        case "-h", "--help", "help":
            if arguments.count > 1, let c = command(named: arguments[1]) {
                env.stdout.write(HelpText.render(c.spec))
            } else {
                env.stdout.write(overview())
            }
            return ExitCode.ok.rawValue
        case "--version", "-V":
            env.stdout.write("cyppctl \(version)\n")
            return ExitCode.ok.rawValue
        default: break
        }
        guard let command = command(named: first) else {
            let suggestion = Suggest.closest(to: first, in: commands.map { $0.spec.name } + ["--help", "--version"])
            return fail(.usage(.unknownCommand(first, suggestion: suggestion), command: nil), env)
        }
        do {
            let args = try ParsedArguments.parse(Array(arguments.dropFirst()), spec: command.spec)
            if args.flag("--help") {
                env.stdout.write(HelpText.render(command.spec))
                return ExitCode.ok.rawValue
            }
            return try command.run(args, env).rawValue
        } catch let error as UsageError {
            return fail(.usage(error, command: command.spec.name), env)
        } catch let error as CommandError {
            if case .usage(let u, nil) = error { return fail(.usage(u, command: command.spec.name), env) }
            return fail(error, env)
        } catch {
            return fail(.data("\(error)"), env)
        }
    }

    private static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.spec.name == name }
    }

    private static func fail(_ error: CommandError, _ env: Environment) -> Int32 {
        switch error {
        case .usage(let u, let command):
            let help = command.map { "cyppctl \($0) --help" } ?? "cyppctl --help"
            env.stderr.write("cyppctl: error: \(u.message)\nRun '\(help)' for usage.\n")
        case .input(let m), .data(let m), .cannotWrite(let m), .busy(let m), .ioError(let m):
            // Messages quote plan text (refs, paths): never let it drive the terminal.
            env.stderr.write("cyppctl: error: \(TextTable.terminalSafe(m))\n")
        }
        return error.exitCode.rawValue
    }

    static func overview() -> String {
        var out = """
            cyppctl \(version): a plan tracker for Children and Young People's Plans.

            USAGE: cyppctl <command> [options] [PLAN-FILE-OR-DIR ...]
            With no paths, commands read ./plans.

            COMMANDS:

            """
        let width = (commands.map { $0.spec.name.count }.max() ?? 0) + 3
        for c in commands {
            out += "  " + c.spec.name + String(repeating: " ", count: width - c.spec.name.count) + c.spec.abstract + "\n"
        }
        out += """

            Run 'cyppctl <command> --help' for a command's options; 'cyppctl --version' for the version.
            Exit codes: 0 ok, 1 found (with --exit-code), 64 usage, 65 bad plan data, 66 missing input,
            73 cannot write, 74 output (or overdue's sort file) could not be written, 75 lock busy.

            """
        return out
    }
}

protocol Command {
    static var spec: CommandSpec { get }
    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode
}
