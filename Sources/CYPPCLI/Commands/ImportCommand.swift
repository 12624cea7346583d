import CYPPKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `cyppctl import SOURCE`: a council's plan document (its extracted text) in, a plan file out.
enum ImportCommand: Command {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Turn a plan document's extracted text into a plan file.",
        arguments: "SOURCE",
        options: [
            .value("--to", "FORMAT", "Plan file format.", allowed: ["md", "csv"], default: "md, or csv when --out ends in .csv"),
            .value("--out", "FILE", "Write the plan to FILE (replaced atomically) instead of stdout."),
        ],
        discussion: """
            Reads the layouts of the councils' documents (pipe tables broken across pages,
            tab-separated tables with milestone rows, strategic action plans, pillar/aim tables,
            strategy registers). The plan goes to stdout (or --out); a summary goes to stderr:
            groups and actions found, notes on repairs, and every line it could not place, with
            its line number. Exit 66 when SOURCE is missing, 65 when no layout is recognised,
            73 when --out cannot be written.
            """,
        minPositionals: 1, maxPositionals: 1)

    static func run(_ args: ParsedArguments, _ env: Environment) throws -> ExitCode {
        let source = args.positionals[0]
        let out = args.value("--out")
        let format = args.value("--to") ?? (out?.lowercased().hasSuffix(".csv") == true ? "csv" : "md")
        let document: ImportDocument
        do { document = try PlanImporter.read(file: source) } catch { throw CommandError.input(error.description) }
        let result: ImportResult
        do { result = try PlanImporter.importPlan(document) } catch { throw CommandError.data(error.description) }
        let groupWord = result.layout.groupWord
        let (text, omitted) = format == "csv"
            ? CSVPlanWriter.write(result.plan, groupWord: groupWord)
            : (MarkdownPlanWriter.write(result.plan, groupWord: groupWord), [])
        // Read the written plan back as `check` would, so the summary says whether it is usable.
        let checkPath = (out ?? "stdout") + (out == nil ? (format == "csv" ? ".csv" : ".md") : "")
        let diagnostics = PlanLoader.parse(SourceText(path: checkPath, bytes: Array(text.utf8))).diagnostics
        // A plan without actions is no import: say what was found and write nothing.
        guard !result.plan.allActions.isEmpty else {
            env.stderr.write(ImportSummary.render(result, source: source, omitted: omitted, diagnostics: diagnostics))
            throw CommandError.data("\(source): no actions found, so nothing was written; see the unplaced lines above")
        }
        if let out {
            try OutputFile.write(text, to: out)
        } else {
            env.stdout.write(text)
        }
        env.stderr.write(ImportSummary.render(result, source: source, omitted: omitted, diagnostics: diagnostics))
        return diagnostics.hasErrors ? .dataError : .ok
    }
}
