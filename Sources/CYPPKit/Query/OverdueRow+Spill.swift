/// `overdue`'s table keeps its rows in an `ExternalSorter` as these bytes, so a listing of
/// millions of rows needs a few megabytes of memory.
extension OverdueRow: SpillCodable {
    public func encode(into e: inout SpillEncoder) {
        e.encode(plan)
        e.encode(ref)
        e.encode(milestone)
        e.encode(outcome)
        e.encode(text)
        e.encode(owner)
        e.encode(person?.key)
        if let person {
            e.encode(person.name)
            e.encode(person.email)
            e.encode(person.isListed ? 1 : 0)
        }
        e.encode(due)
        e.encode(deadline.year * 10_000 + deadline.month * 100 + deadline.day)
        e.encode(daysOverdue)
        e.encode(progress?.rawValue)
        e.encode(impact?.rawValue)
    }

    public init(from d: inout SpillDecoder) throws(SpillError) {
        let plan = try d.decode(String.self), ref = try d.decode(String.self), milestone = try d.decodeOptional(Int.self)
        let outcome = try d.decode(String.self), text = try d.decode(String.self), owner = try d.decodeOptional(String.self)
        var person: Person?
        if let key = try d.decodeOptional(String.self) {
            let name = try d.decode(String.self), email = try d.decodeOptional(String.self), listed = try d.decode(Int.self)
            person = Person(key: key, name: name, email: email, isListed: listed == 1)
        }
        let due = try d.decode(String.self), date = try d.decode(Int.self), days = try d.decode(Int.self)
        guard let deadline = Day(year: date / 10_000, month: date / 100 % 100, day: date % 100) else { throw .corrupt }
        let progress = try Self.rating(&d), impact = try Self.rating(&d)
        self.init(plan: plan, ref: ref, milestone: milestone, outcome: outcome, text: text, owner: owner, person: person,
                  due: due, deadline: deadline, daysOverdue: days, progress: progress, impact: impact)
    }

    private static func rating(_ d: inout SpillDecoder) throws(SpillError) -> Rating? {
        guard let raw = try d.decodeOptional(String.self) else { return nil }
        guard let rating = Rating(rawValue: raw) else { throw .corrupt }
        return rating
    }
}
