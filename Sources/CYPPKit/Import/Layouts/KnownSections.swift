#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Section headings the seeds use for prose about the plan or an outcome, spelled as
/// plan files write them. Documents shout them (`WHY THIS IS IMPORTANT TO US`) or glue
/// them to other text; matching is case-insensitive.
enum KnownSections {
    static let outcomeTitles = ["Why this is important to us", "How we will know we are successful",
                                "Plans to which this outcome aligns"]
    static let planTitles = ["Introduction"]

    /// A known heading at the start of `line` (or right after `**`), with the text before
    /// it (an outcome heading glued on) and after it (the section's first words).
    static func find(in line: String, titles: [String]) -> (before: String, title: String, after: String)? {
        for title in titles {
            guard let r = line.rangeIgnoringCase(of: title) else { continue }
            let beforeText = String(line[..<r.lowerBound])
            guard beforeText.isEmpty || beforeText.hasSuffix("**") else { continue }
            let rest = line[r.upperBound...]
            // `Introduction to …` is a sentence, not the heading.
            if let next = rest.first, next.isLetter { continue }
            return (ImportText.withoutEmphasis(beforeText), title, ImportText.withoutEmphasis(String(rest)))
        }
        return nil
    }
}
