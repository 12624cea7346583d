#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Reads plan files into plans plus every diagnostic about them.
public enum PlanLoader {
    /// Parses bytes already in memory; the file's format comes from its extension.
    public static func parse(_ source: SourceText) -> (plan: Plan, diagnostics: [Diagnostic]) {
        source.bytes.withUnsafeBufferPointer { bytes in
            let (plan, diagnostics, collected) = read(ReaderInput(path: source.path, bytes: bytes), into: ActionCollector())
            return (collected.assemble(plan, index: 0), diagnostics)
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
        var collector = ActionCollector()
        var portfolio = try stream(paths, into: &collector)
        for i in portfolio.plans.indices { portfolio.plans[i] = collector.assemble(portfolio.plans[i], index: i) }
        return portfolio
    }

    /// Reads every plan under `paths` front to back, handing each action to `consumer` and
    /// keeping none: the portfolio returned has the plans' outlines (title, outcomes,
    /// sections), owners and diagnostics, but no actions. Memory stays flat for any file size.
    public static func stream<C: PlanConsumer>(_ paths: [String], into consumer: inout C) throws(InputError) -> Portfolio {
        let files = try PlanFiles.expand(paths)
        var portfolio = Portfolio()
        // Owners first: consumers resolve people while the actions stream past.
        // A folder's files come together, so each folder is looked in once (and `load` skips
        // an owners file already read).
        var lastFolder: String?
        for file in files {
            let folder = FilePath.directory(of: file)
            if folder != lastFolder { portfolio.owners.load(folder: folder, diagnostics: &portfolio.diagnostics) }
            lastFolder = folder
        }
        for file in files {
            consumer.begin(plan: file, owners: portfolio.owners)
            let (plan, diagnostics) = try PlanStream.read(file: file, into: &consumer,
                                                         owners: UnresolvedOwners(directory: portfolio.owners, planPath: file))
            portfolio.plans.append(plan)
            portfolio.diagnostics += diagnostics
        }
        return portfolio
    }

    /// The reader for the file's format, with the empty-file check both formats share.
    /// `split`: when a large file is read in two parts, one per core (the result is the same).
    static func read<C: PlanConsumer>(_ input: ReaderInput, into consumer: consuming C, owners: UnresolvedOwners? = nil,
                                      split: SplitPolicy = .automatic) -> (Plan, [Diagnostic], C) {
        let format = PlanFiles.format(of: input)
        let core = ReaderCore(input: input, format: format, consumer: consume consumer, owners: owners, split: split)
        var (plan, diagnostics, consumer): (Plan, [Diagnostic], C)
        if format == .csv {
            (plan, diagnostics, consumer) = CSVPlanReader.read(consume core)
        } else {
            (plan, diagnostics, consumer) = MarkdownPlanReader.read(consume core)
        }
        if input.bytes.count == input.contentStart {
            diagnostics.removeAll { $0.code == .noActions || $0.code == .missingTitle }
            diagnostics.insert(Diagnostic(.emptyFile, at: SourceLocation(file: input.path, line: 1),
                "file is empty; expected a plan (a header row or a '# Title')"), at: 0)
        }
        plan.path = input.path
        return (plan, diagnostics, consumer)
    }

}

/// Reading a plan file front to back without keeping it: memory stays flat however large
/// the file, and each action goes to the consumer as soon as it is complete.
public enum PlanStream {
    public static func read<C: PlanConsumer>(file path: String, into consumer: inout C, owners: UnresolvedOwners? = nil)
        throws(InputError) -> (plan: Plan, diagnostics: [Diagnostic])
    {
        let file = try MappedFile(path: path)
        let input = ReaderInput(path: path, bytes: file.bytes, file: file)
        // Moved, not copied: a copy would make the consumer's first write of each plan copy
        // everything it holds (its buffers and indexes).
        let (plan, diagnostics, updated) = PlanLoader.read(input, into: consume consumer, owners: owners)
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
