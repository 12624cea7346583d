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
        if let comma = text.firstIndex(of: ",") { text = String(text[..<comma]) }
        for dash in [" - ", " – ", " — "] {
            if let r = text.range(of: dash) { text = String(text[..<r.lowerBound]) }
        }
        return String(text.trimmingWhitespace())
    }

    public static func key(for owner: String) -> String {
        namePart(of: owner).lowercased()
    }
}
