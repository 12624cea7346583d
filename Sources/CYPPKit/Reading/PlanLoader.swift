import Foundation

/// Reads plan files into plans plus every diagnostic about them.
public enum PlanLoader {
    /// Parses bytes already in memory; the file's format comes from its extension.
    public static func parse(_ source: SourceText) -> (plan: Plan, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if source.bytes.count == source.contentStart {
            diagnostics.append(Diagnostic(.emptyFile, at: SourceLocation(file: source.path, line: 1), "file is empty; expected a plan (a header row or a '# Title')"))
        } else if let bad = source.firstInvalidUTF8() {
            diagnostics.append(Diagnostic(.invalidUTF8, at: bad,
                "invalid UTF-8 here; save the file as UTF-8 (the bad bytes read as U+FFFD)"))
        }
        let (plan, found) = PlanFiles.format(of: source.path) == .csv
            ? CSVPlanReader.read(source) : MarkdownPlanReader.read(source)
        diagnostics += found
        diagnostics += PlanChecks.duplicateRefs(plan)
        if plan.outcomes.allSatisfy({ $0.actions.isEmpty }) && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.noActions, at: SourceLocation(file: source.path, line: 1),
                "plan has no actions (no table with an Action column under a '##' outcome)"))
        }
        return (plan, diagnostics)
    }

    public static func read(file path: String) throws(InputError) -> (plan: Plan, diagnostics: [Diagnostic], source: SourceText) {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { throw .missing(path) }
            throw .unreadable(path, isDirectory.boolValue ? "is a folder, not a plan file" : "cannot be read (permissions?)")
        }
        let source = SourceText(path: path, bytes: [UInt8](data))
        let (plan, diagnostics) = parse(source)
        return (plan, diagnostics, source)
    }

    /// Every plan under `paths` (files or folders), in order.
    public static func load(_ paths: [String]) throws(InputError) -> Portfolio {
        var portfolio = Portfolio()
        for file in try PlanFiles.expand(paths) {
            let (plan, diagnostics, _) = try read(file: file)
            portfolio.plans.append(plan)
            portfolio.diagnostics += diagnostics
            portfolio.owners.load(folder: (file as NSString).deletingLastPathComponent, diagnostics: &portfolio.diagnostics)
        }
        for plan in portfolio.plans { portfolio.diagnostics += portfolio.owners.unresolvedOwners(in: plan) }
        return portfolio
    }
}

/// Several plans read together, with everything found wrong in them.
public struct Portfolio: Sendable {
    public var plans: [Plan] = []
    public var diagnostics: [Diagnostic] = []
    /// From the `owners.csv` files of the plans' folders; empty when there are none.
    public var owners = OwnerDirectory()

    public init(plans: [Plan] = [], diagnostics: [Diagnostic] = []) {
        self.plans = plans
        self.diagnostics = diagnostics
    }
}
