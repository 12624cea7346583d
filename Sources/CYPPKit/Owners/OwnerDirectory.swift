#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The optional `owners.csv` of a plans folder: maps what plans write ("HoS (RB)", "DCS",
/// "Ruth Baker, Head of Service") to a person and an email address.
///
///     Alias,Person,Email
///     HoS (RB),Ruth Baker,ruth.baker@example.org
///     Ruth Baker,Ruth Baker,ruth.baker@example.org
public struct OwnerDirectory: Sendable {
    public static let fileName = "owners.csv"

    private var entries: [String: Person] = [:]
    /// Where the directory was read from; empty when there is no owners file.
    public private(set) var paths: [String] = []

    public init() {}

    public var isEmpty: Bool { paths.isEmpty }

    /// Where a folder's owners file is, as `paths` records it.
    public static func path(inFolder folder: String) -> String {
        (folder.isEmpty ? "." : folder) + "/" + fileName
    }

    /// Resolves an owner cell: an alias listed in the file, else the cell's name part.
    public func resolve(_ owner: String) -> Person {
        let name = Person.namePart(of: owner)
        let key = name.lowercased()
        if !entries.isEmpty, let listed = entries[key] ?? entries[owner.collapsingWhitespace().lowercased()] { return listed }
        return Person(key: key, name: name)
    }

    /// Reads `owners.csv` in `folder` if there is one; problems become diagnostics.
    public mutating func load(folder: String, diagnostics: inout [Diagnostic]) {
        let path = Self.path(inFolder: folder)
        guard !paths.contains(path), let file = try? MappedFile(path: path) else { return }
        paths.append(path)
        withExtendedLifetime(file) { add(file.bytes, path: path, diagnostics: &diagnostics) }
    }

    mutating func add(_ source: SourceText, diagnostics: inout [Diagnostic]) {
        source.bytes.withUnsafeBufferPointer { add($0, path: source.path, diagnostics: &diagnostics) }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, path: String, diagnostics: inout [Diagnostic]) {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var scanner = CSVScanner(bytes: bytes, start: bom)
        guard let header = scanner.next() else { return }
        let names = header.fields.map { $0.text(in: bytes).collapsingWhitespace().lowercased() }
        guard let alias = names.firstIndex(where: { ["alias", "owner", "as written"].contains($0) }),
            let person = names.firstIndex(where: { ["person", "name"].contains($0) })
        else {
            diagnostics.append(Diagnostic(.ownersFileColumns, at: SourceLocation(file: path, line: 1),
                "owners file needs Alias and Person columns (and optionally Email)"))
            return
        }
        let email = names.firstIndex(of: "email")
        while let record = scanner.next() {
            let cells = record.fields.map { String($0.text(in: bytes).trimmingWhitespace()) }
            func cell(_ i: Int?) -> String { i.flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
            guard !cell(alias).isEmpty, !cell(person).isEmpty else { continue }
            let entry = Person(key: Person.key(for: cell(person)), name: cell(person),
                               email: cell(email).isEmpty ? nil : cell(email), isListed: true)
            entries[cell(alias).collapsingWhitespace().lowercased()] = entry
            entries[Person.key(for: cell(alias))] = entries[Person.key(for: cell(alias))] ?? entry
            entries[entry.key] = entries[entry.key] ?? entry
        }
    }
}
