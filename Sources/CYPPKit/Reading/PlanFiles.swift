#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Finds plan files among the paths a user gives. A directory contributes its
/// `.md` and `.csv` files (not recursively), in name order.
public enum PlanFiles {
    /// Files in a plans folder that are not plans: documentation and cyppctl's own files.
    public static let reservedNames: Set<String> = ["readme.md", "owners.csv", "notes.md", "changelog.md"]

    public static func isPlanFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !lower.hasPrefix("."), !reservedNames.contains(lower) else { return false }
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".csv")
    }

    public static func format(of path: String) -> Plan.Format {
        path.lowercased().hasSuffix(".csv") ? .csv : .markdown
    }

    /// Expands directories; a missing path or a folder with no plans is an error (exit 66).
    public static func expand(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            let kind = FilePath.kind(path)
            guard kind != .missing else { throw .missing(path) }
            if kind == .directory {
                let names: [String]
                do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                    throw .unreadable(path, "cannot list the folder")
                }
                // Subfolders are not read, even one named like a plan (`archive.md/`).
                let found = names.filter { isPlanFile($0) && !isFolder(path + "/" + $0) }.sorted()
                guard !found.isEmpty else { throw .noPlans(path) }
                let prefix = path.hasSuffix("/") ? path : path + "/"
                files += found.map { prefix + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// Input that cannot be read at all, as opposed to a plan with problems in it.
public enum InputError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case noPlans(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .missing(let p): "\(p): no such file or directory"
        case .noPlans(let p): "\(p): no plan files (.md or .csv) in this folder"
        case .unreadable(let p, let why): "\(p): \(why)"
        }
    }
}
