import CYPPKit
import Foundation

/// CSV text to fields through the product's own RFC 4180 scanner.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var rows: [[String]] = []
            while let r = scanner.next() { rows.append(r.fields.map { $0.text(in: buffer) }) }
            return rows
        }
    }
}

/// Every string value (and key) in a parsed JSON document.
enum JSONStrings {
    static func all(in value: Any) -> [String] {
        switch value {
        case let s as String: return [s]
        case let a as [Any]: return a.flatMap(all)
        case let o as [String: Any]: return Array(o.keys) + o.values.flatMap(all)
        default: return []
        }
    }
}

extension TimedRun {
    /// `command` (a shell line) on a pseudo-terminal: `script -qec COMMAND /dev/null`.
    static func script(_ command: String, in folder: URL) throws -> TimedRun {
        try launch("/usr/bin/script", ["-qec", command, "/dev/null"], in: folder, environment: ["TERM": "xterm-256color"])
    }
}
