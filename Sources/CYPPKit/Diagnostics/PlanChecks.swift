/// Checks that need the whole plan rather than one row.
public enum PlanChecks {
    public static func duplicateRefs(_ plan: Plan) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var out: [Diagnostic] = []
        for (_, action) in plan.allActions {
            if let earlier = first[action.ref] {
                out.append(Diagnostic(.duplicateRef, at: action.location,
                    "duplicate ref '\(action.ref)' (first used on line \(earlier.line)); refs must be unique in a plan"))
            } else {
                first[action.ref] = action.location
            }
        }
        return out
    }
}
