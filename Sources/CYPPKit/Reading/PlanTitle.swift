enum PlanTitle {
    /// `plans/southend-cypp-2018-2020.md` → `southend cypp 2018 2020`: better than nothing.
    static func fromFileName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        let base = stem.isEmpty ? name : stem
        return String(base.map { $0 == "-" || $0 == "_" ? " " : $0 })
    }
}
