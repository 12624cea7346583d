/// A BRAG rating, as defined by the key in the Southend CYPP 2018–2020.
/// `nil` (not this enum) means "unrated".
public enum Rating: String, CaseIterable, Codable, Sendable, Comparable {
    /// Completed, impact evidenced.
    case blue = "Blue"
    case red = "Red"
    case amber = "Amber"
    case green = "Green"
    /// Not started, or impact not yet expected.
    case grey = "Grey"

    /// The one place text becomes a rating: case-insensitive, `Gray` accepted.
    /// Returns `.success(nil)` for a blank cell (unrated).
    public static func parse(_ text: some StringProtocol) -> Result<Rating?, UnknownRating> {
        if text.isEmpty { return .success(nil) }
        // Exact spellings first: no lowercased copy for the common cells.
        switch text {
        case "Blue": return .success(.blue)
        case "Red": return .success(.red)
        case "Amber": return .success(.amber)
        case "Green": return .success(.green)
        case "Grey": return .success(.grey)
        default: break
        }
        let t = text.trimmingWhitespace().lowercased()
        switch t {
        case "": return .success(nil)
        case "blue": return .success(.blue)
        case "red": return .success(.red)
        case "amber": return .success(.amber)
        case "green": return .success(.green)
        case "grey", "gray": return .success(.grey)
        default: return .failure(UnknownRating(text: String(text.trimmingWhitespace())))
        }
    }

    /// Direction-of-travel order: Red < Amber < Green < Blue; Grey sits outside it.
    public var rank: Int? {
        switch self {
        case .red: 0
        case .amber: 1
        case .green: 2
        case .blue: 3
        case .grey: nil
        }
    }

    /// Display order in reports: Blue, Green, Amber, Red, Grey.
    public static let reportOrder: [Rating] = [.blue, .green, .amber, .red, .grey]

    public static func < (a: Rating, b: Rating) -> Bool {
        (reportOrder.firstIndex(of: a) ?? 0) < (reportOrder.firstIndex(of: b) ?? 0)
    }
}

public struct UnknownRating: Error, Equatable, Sendable {
    public let text: String
}
