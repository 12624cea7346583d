enum PlanTitle {
    /// `plans/southend-cypp-2018-2020.md` → `southend cypp 2018 2020`: better than nothing.
    static func fromFileName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        let base = stem.isEmpty ? name : stem
        return String(base.map { $0 == "-" || $0 == "_" ? " " : $0 })
    }
}

extension Plan {
    /// The plan as a streamed action's listing should name it: a plan with no title of its own
    /// gets its file-name title only once read to the end, which `list` does not wait for.
    /// `show`, `check` and the report name it the same way.
    public var titledFromFileIfUntitled: Plan {
        guard title.isEmpty else { return self }
        var titled = self
        titled.title = PlanTitle.fromFileName(path)
        return titled
    }
}
