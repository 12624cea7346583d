#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Reads the due-date cells of UK council plans: `March 2019`, `31/03/2019`, `Q3 2019/20`,
/// `2019/20`, `Spring 2019`, `Ongoing`, and dates buried in prose such as
/// `Drafting & consultation April 2012`. The deadline of whatever is found is its last day.
///
/// It works on UTF-8 tokens with a fixed look-ahead instead of regular expressions, so any
/// input — control characters, emoji, megabytes of text, numbers past `Int.max` — parses in
/// linear time without trapping.
public enum DueDateParser {
    /// `text` is a table cell as written; the result keeps the trimmed text.
    ///
    /// The leftmost date wins, read in its most specific form (`31 March 2019` is a day, not
    /// March). With no date, scheduling words such as `Ongoing`, `TBC`, `Termly`, `N/A` (or a
    /// blank or dash-only cell) mean `.none`; anything else, including impossible dates such as
    /// `31/02/2019`, is `.unparsed` so the caller can warn.
    public static func parse(_ text: String) -> DueDate {
        let trimmed = trim(text)
        var contiguous = trimmed
        let meaning = contiguous.withUTF8 { bytes in
            var scan = DueScan(tokenizer: DueTokenizer(bytes))
            return scan.run()
        }
        return DueDate(text: trimmed, meaning: meaning)
    }

    /// Same result as `trimmingCharacters(in: .whitespacesAndNewlines)`, but only looks at the
    /// ends, so a huge cell is not walked scalar by scalar an extra time.
    private static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

/// Walks the tokens left to right, trying every form at each one, and stops at the first date.
/// It keeps only a short window of tokens, so memory stays small however long the text is.
private struct DueScan {
    /// Enough for the longest form (`31st of March, '19`) plus the two tokens after it.
    private static let lookahead = 12

    private var tokenizer: DueTokenizer
    private var buffer: [DueToken] = []
    private var head = 0
    private var before: DueToken?
    private var beforeThat: DueToken?
    private var sawContent = false
    private var sawNoDeadline = false
    private var sawImpossible = false

    init(tokenizer: DueTokenizer) { self.tokenizer = tokenizer }

    mutating func run() -> DueDate.Meaning {
        while true {
            fill()
            guard head < buffer.count else { break }
            switch matchHere() {
            case .period(let period)?:
                return .period(period)
            case .impossible(let consumed)?:
                sawImpossible = true
                for _ in 0..<max(1, consumed) where head < buffer.count { advance() }
            case nil:
                advance()
            }
        }
        // A date-shaped typo must be seen, even beside `ongoing`.
        if sawImpossible { return .unparsed }
        return sawContent && !sawNoDeadline ? .unparsed : .none
    }

    private func matchHere() -> DueMatch? {
        switch buffer[head].kind {
        case .number, .word(.month), .word(.season), .word(.q), .word(.quarter), .word(.fy):
            return DueWindow(tokens: buffer[head...], before: before, beforeThat: beforeThat).match()
        default:
            return nil  // most tokens cannot start a date: skip building a window for them
        }
    }

    private mutating func fill() {
        if head >= 256 {
            buffer.removeFirst(head)
            head = 0
        }
        while buffer.count - head < Self.lookahead, let token = tokenizer.next() {
            buffer.append(token)
        }
    }

    private mutating func advance() {
        let token = buffer[head]
        head += 1
        note(token)
        beforeThat = before
        before = token
    }

    /// Records whether the text has any words or numbers at all, and whether it says there is
    /// deliberately no deadline (`ongoing`, `on going`, `on-going`, `n/a`, `to be confirmed`, `termly`…).
    private mutating func note(_ token: DueToken) {
        guard case .word(let word) = token.kind else {
            if case .symbol = token.kind { return }
            sawContent = true
            return
        }
        sawContent = true
        switch word {
        case .noDeadline:
            sawNoDeadline = true
        case .going where before?.kind == .word(.on)
            || (before?.kind == .symbol(.dash) && beforeThat?.kind == .word(.on)):
            sawNoDeadline = true
        case .a where !token.spaced && before?.kind == .symbol(.slash) && before?.spaced == false
            && beforeThat?.kind == .word(.n):
            sawNoDeadline = true
        case .settled where before?.kind == .word(.be) && beforeThat?.kind == .word(.to):
            sawNoDeadline = true
        default:
            break
        }
    }
}
