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
                guard let entries = entries(of: path) else { throw .unreadable(path, "cannot list the folder") }
                // Subfolders are not read, even one named like a plan (`archive.md/`).
                let found = entries.filter { isPlanFile($0.name) && !($0.isFolder ?? isFolder(path + "/" + $0.name)) }
                    .map(\.name).sorted()
                guard !found.isEmpty else { throw .noPlans(path) }
                let prefix = path.hasSuffix("/") ? path : path + "/"
                files += found.map { prefix + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// A folder's entries, nil when it cannot be listed. `isFolder` is nil when the folder
    /// does not say (a link, or a file system without entry types): `stat` then decides.
    /// Read with `readdir`: FileManager cost more to set up than listing the plans folder.
    private static func entries(of folder: String) -> [(name: String, isFolder: Bool?)]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, isFolder: Bool?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let type = Int32(entry.pointee.d_type)
            entries.append((name, type == Int32(DT_DIR) ? true : type == Int32(DT_REG) ? false : nil))
        }
        return entries
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
