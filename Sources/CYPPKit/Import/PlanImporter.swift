#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `cyppctl import`'s library half: extracted document text in, a plan plus everything
/// that needs a person's eye out. Each layout has its own reader under `Layouts/`.
public enum PlanImporter {
    public static func importPlan(_ document: ImportDocument) throws(ImportError) -> ImportResult {
        guard let layout = LayoutDetector.detect(document) else { throw ImportError(path: document.path) }
        return importPlan(document, as: layout)
    }

    public static func importPlan(_ document: ImportDocument, as layout: ImportLayout) -> ImportResult {
        switch layout {
        case .pipeTable: PipeTableLayout.read(document)
        case .tabMilestone: TabMilestoneLayout.read(document)
        case .strategicAction: StrategicActionLayout.read(document)
        case .pillarAim: PillarAimLayout.read(document)
        case .strategyRegister: StrategyRegisterLayout.read(document)
        }
    }

    /// Reads the file; a missing or unreadable one is an `InputError` (exit 66).
    public static func read(file path: String) throws(InputError) -> ImportDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            switch FilePath.kind(path) {
            case .missing: throw .missing(path)
            case .directory: throw .unreadable(path, "is a folder, not a document")
            case .file: throw .unreadable(path, "cannot be read (permissions?)")
            }
        }
        return ImportDocument(path: path, bytes: [UInt8](data))
    }
}
