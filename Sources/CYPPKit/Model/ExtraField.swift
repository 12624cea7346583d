/// A column the reader does not model, kept with its header so nothing is lost.
public struct ExtraField: Hashable, Sendable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A titled block of prose ("Why this is important to us", an introduction, ...).
public struct Section: Hashable, Sendable {
    public let title: String
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}
