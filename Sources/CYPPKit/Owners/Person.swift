/// Who an owner cell names. Plans write one person several ways ("Jeff Banks, Service
/// Director, ABSS" and "Jeff Banks, Director, ABSS"), so people are compared by `key`.
public struct Person: Hashable, Sendable {
    /// Lowercased name with spacing collapsed: what groups owner cells into one person.
    public let key: String
    /// How to show the person: the owners file's name, else the cell's name part.
    public let name: String
    public let email: String?
    /// True when the owners file named this person (always false without an owners file).
    public let isListed: Bool

    public init(key: String, name: String, email: String? = nil, isListed: Bool = false) {
        self.key = key
        self.name = name
        self.email = email
        self.isListed = isListed
    }

    /// The name part of an owner cell: before the first comma or spaced dash, where the
    /// post and organisation start ("Jason Hendy - Essex Police" → "Jason Hendy").
    public static func namePart(of owner: String) -> String {
        var text = owner.collapsingWhitespace()
        // Collapsed text has single spaces between words and none at its ends, so the name
        // needs at most its last space dropped ("Diane Keens , Head…").
        let end = text.withUTF8 { bytes in
            let end = nameEnd(bytes)
            return end > 0 && bytes[end - 1] == 0x20 ? end - 1 : end
        }
        return end == text.utf8.count ? text : String(Substring(text.utf8.prefix(end)))
    }

    /// Where the name stops: the first comma, or the space before a spaced hyphen, en dash
    /// or em dash (" - ", " – ", " — "); the end when there is neither.
    private static func nameEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        for i in bytes.indices {
            switch bytes[i] {
            case UInt8(ascii: ","): return i
            case 0x20 where i + 2 < bytes.count && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x20: return i
            case 0x20 where i + 4 < bytes.count && bytes[i + 1] == 0xE2 && bytes[i + 2] == 0x80
                && (bytes[i + 3] == 0x93 || bytes[i + 3] == 0x94) && bytes[i + 4] == 0x20:
                return i
            default: continue
            }
        }
        return bytes.count
    }

    public static func key(for owner: String) -> String {
        namePart(of: owner).lowercased()
    }
}
