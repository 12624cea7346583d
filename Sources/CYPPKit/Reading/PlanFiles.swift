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
    /// (Four names: a list, not a set, which cost more to build than to search at start-up.)
    public static let reservedNames = ["readme.md", "owners.csv", "notes.md", "changelog.md"]

    public static func isPlanFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !lower.hasPrefix("."), !reservedNames.contains(lower) else { return false }
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".csv")
    }

    /// The format of a file by its name, or by its first line when the name has no plan
    /// extension (`check <(git show HEAD:plans/a.csv)` reads `/dev/fd/63`): CSV when that line
    /// has a comma, no pipe and no leading `#`, as a CSV header does and a Markdown title or
    /// table row does not.
    static func format(of input: ReaderInput) -> Plan.Format {
        let lower = input.path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        let bytes = input.bytes
        var i = input.contentStart
        while i < bytes.count, bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x20 { i += 1 }
        var comma = false
        let first = i
        while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D {
            if bytes[i] == UInt8(ascii: "|") { return .markdown }
            if bytes[i] == UInt8(ascii: ",") { comma = true }
            i += 1
        }
        return comma && (first == bytes.count || bytes[first] != UInt8(ascii: "#")) ? .csv : .markdown
    }

    /// Expands directories; a missing path or a folder with no plans is an error (exit 66).
    public static func expand(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            let kind = FilePath.kind(path)
            guard kind != .missing else { throw .missing(path) }
            if kind == .directory {
                guard let found = planNames(in: path)?.sorted() else { throw .unreadable(path, "cannot list the folder") }
                guard !found.isEmpty else { throw .noPlans(path) }
                let prefix = path.hasSuffix("/") ? path : path + "/"
                files += found.map { prefix + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// The plan files' names in a folder, in the order listed; nil when it cannot be listed.
    /// Subfolders are not read, even one named like a plan (`archive.md/`): the entry's type
    /// says which are folders, or `stat` when it does not (a link, or a file system without
    /// entry types). Read with `readdir`: FileManager cost more to set up than listing the
    /// plans folder.
    private static func planNames(in folder: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard isPlanFile(name) else { continue }  // also skips `.` and `..`
            let type = Int32(entry.pointee.d_type)
            if type == Int32(DT_DIR) || (type != Int32(DT_REG) && isFolder(folder + "/" + name)) { continue }
            names.append(name)
        }
        return names
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
