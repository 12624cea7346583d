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
        let text = owner.collapsingWhitespace()
        let bytes = Array(text.utf8)
        var end = bytes.firstIndex(of: UInt8(ascii: ",")) ?? bytes.count
        // A spaced hyphen, en dash or em dash also ends the name.
        for dash in [[0x20, 0x2D, 0x20], [0x20, 0xE2, 0x80, 0x93, 0x20], [0x20, 0xE2, 0x80, 0x94, 0x20]] as [[UInt8]] {
            var i = 0
            while i + dash.count <= end {
                if bytes[i..<(i + dash.count)].elementsEqual(dash) { end = i; break }
                i += 1
            }
        }
        return String(String(decoding: bytes[..<end], as: UTF8.self).trimmingWhitespace())
    }

    public static func key(for owner: String) -> String {
        namePart(of: owner).lowercased()
    }
}
