import Foundation

/// Reads plan files into plans plus every diagnostic about them.
public enum PlanLoader {
    /// Parses bytes already in memory; the file's format comes from its extension.
    public static func parse(_ source: SourceText) -> (plan: Plan, diagnostics: [Diagnostic]) {
        source.bytes.withUnsafeBufferPointer { bytes in
            let (plan, diagnostics, collected) = read(ReaderInput(path: source.path, bytes: bytes), into: ActionCollector())
            return (assemble(plan, collected), diagnostics)
        }
    }

    /// Reads a whole file, keeping its bytes: what an edit needs.
    public static func read(file path: String) throws(InputError) -> (plan: Plan, diagnostics: [Diagnostic], source: SourceText) {
        let file = try MappedFile(path: path)
        let source = SourceText(path: path, bytes: Array(file.bytes))
        let (plan, diagnostics) = parse(source)
        return (plan, diagnostics, source)
    }

    /// Every plan under `paths` (files or folders), in order, with the folders' owners files.
    public static func load(_ paths: [String]) throws(InputError) -> Portfolio {
        var portfolio = Portfolio()
        for file in try PlanFiles.expand(paths) {
            var collector = ActionCollector()
            let (plan, diagnostics) = try PlanStream.read(file: file, into: &collector)
            portfolio.plans.append(assemble(plan, collector))
            portfolio.diagnostics += diagnostics
            portfolio.owners.load(folder: (file as NSString).deletingLastPathComponent, diagnostics: &portfolio.diagnostics)
        }
        for plan in portfolio.plans { portfolio.diagnostics += portfolio.owners.unresolvedOwners(in: plan) }
        return portfolio
    }

    /// The reader for the file's format, with the empty-file check both formats share.
    static func read<C: PlanConsumer>(_ input: ReaderInput, into consumer: C) -> (Plan, [Diagnostic], C) {
        var (plan, diagnostics, consumer) = PlanFiles.format(of: input.path) == .csv
            ? CSVPlanReader.read(input, into: consumer) : MarkdownPlanReader.read(input, into: consumer)
        if input.bytes.count == input.contentStart {
            diagnostics.removeAll { $0.code == .noActions || $0.code == .missingTitle }
            diagnostics.insert(Diagnostic(.emptyFile, at: SourceLocation(file: input.path, line: 1),
                "file is empty; expected a plan (a header row or a '# Title')"), at: 0)
        }
        plan.path = input.path
        return (plan, diagnostics, consumer)
    }

    private static func assemble(_ plan: Plan, _ collected: ActionCollector) -> Plan {
        var plan = plan
        for i in plan.outcomes.indices where i < collected.actions.count { plan.outcomes[i].actions = collected.actions[i] }
        return plan
    }
}

/// Reading a plan file front to back without keeping it: memory stays flat however large
/// the file, and each action goes to the consumer as soon as it is complete.
public enum PlanStream {
    public static func read<C: PlanConsumer>(file path: String, into consumer: inout C) throws(InputError) -> (plan: Plan, diagnostics: [Diagnostic]) {
        let file = try MappedFile(path: path)
        let input = ReaderInput(path: path, bytes: file.bytes) { file.release(before: $0) }
        let (plan, diagnostics, updated) = PlanLoader.read(input, into: consumer)
        consumer = updated
        return withExtendedLifetime(file) { (plan, diagnostics) }
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
