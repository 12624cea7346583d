/// Every problem the readers can report. Codes are stable: the README lists them,
/// and scripts may match on them, so never renumber.
public enum DiagnosticCode: Int, CaseIterable, Sendable {
    case invalidUTF8 = 1
    case emptyFile = 2
    case unterminatedQuote = 3
    case missingActionColumn = 4
    case unknownRating = 5
    case duplicateRef = 6
    case unparsedDate = 7
    case missingRef = 8
    case extraCells = 9
    case tableOutsideOutcome = 10
    case orphanContinuation = 11
    case missingOutcome = 12
    case noActions = 13
    case missingTitle = 14
    case duplicateColumn = 15
    case unterminatedFrontMatter = 16
    case quoteInUnquotedField = 17
    case emptyAction = 18
    case derivedRefs = 19
    case continuationCellIgnored = 20
    case ownersFileColumns = 21
    case malformedHistory = 22
    case tooManyProblems = 23
    case unresolvedOwner = 24
    case duplicateOutcomeRef = 25
    case milestoneWithoutText = 26

    public var id: String {
        let n = String(rawValue)
        return "CYPP" + String(repeating: "0", count: max(0, 3 - n.count)) + n
    }

    public var severity: Diagnostic.Severity {
        switch self {
        case .unparsedDate, .extraCells, .noActions, .missingTitle,
            .derivedRefs, .continuationCellIgnored, .quoteInUnquotedField, .malformedHistory, .tooManyProblems,
            .unresolvedOwner, .duplicateOutcomeRef, .milestoneWithoutText:
            .warning
        default:
            .error
        }
    }

    /// One line for the README's table and `check --help`.
    public var summary: String {
        switch self {
        case .invalidUTF8: "the file is not valid UTF-8"
        case .unterminatedQuote: "a CSV quoted field is never closed"
        case .missingActionColumn: "a table has no Action column"
        case .unknownRating: "a rating is not Blue, Red, Amber, Green or Grey"
        case .duplicateRef: "two actions in one plan share a ref"
        case .unparsedDate: "a due or start date is not in a known form"
        case .missingRef: "an action has no ref"
        case .extraCells: "a row has more cells than the header"
        case .tableOutsideOutcome: "a Markdown table comes before the first ## outcome"
        case .orphanContinuation: "a continuation row has no action above it"
        case .missingOutcome: "a CSV action row names no outcome"
        case .noActions: "the plan has no actions"
        case .missingTitle: "the plan has no title"
        case .duplicateColumn: "two header cells mean the same column"
        case .unterminatedFrontMatter: "front matter opened with --- is never closed"
        case .quoteInUnquotedField: "a CSV field has a quote inside unquoted text"
        case .emptyFile: "the file is empty"
        case .emptyAction: "an action row has a ref but no action text"
        case .derivedRefs: "a table has no Ref column, so refs come from row positions"
        case .continuationCellIgnored: "a continuation row fills a cell that only an action row can have"
        case .ownersFileColumns: "the owners file lacks its Alias or Person column"
        case .malformedHistory: "a history file line is not a valid entry"
        case .tooManyProblems: "more than 10,000 problems in one file; the rest are counted, not listed"
        case .unresolvedOwner: "an owner is not listed in the owners file"
        case .duplicateOutcomeRef: "two outcomes in one plan share a ref"
        case .milestoneWithoutText: "a continuation row has a date or owner but no milestone text"
        }
    }
}
