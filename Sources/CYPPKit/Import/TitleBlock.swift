/// A document's opening lines: its title and what the cover page says about it.
/// `# Improvement Plan` / `2021-2023` / `CHILDREN'S SOCIAL CARE, …` / `Version 1.1 …` reads as
/// `Improvement Plan 2021-2023: Children's Social Care, …` with `version: Version 1.1 …`.
struct TitleBlock {
    var title = ""
    var metadata: [ExtraField] = []
    /// Lines used, and the index of the first line after the block.
    var used: [Int] = []
    var end = 0

    init(_ lines: [DocumentLine]) {
        var subtitles = 0
        var i = 0
        while i < lines.count {
            let t = lines[i].trimmed
            if t.isEmpty { i += 1; continue }
            let plain = ImportText.withoutEmphasis(t.hasPrefix("#") ? String(t.drop { $0 == "#" }) : t)
            if title.isEmpty {
                title = ImportText.titleCased(plain)
            } else if t.hasPrefix("#") {
                break
            } else if plain.lowercased().hasPrefix("version ") {
                metadata.append(ExtraField(name: "version", value: plain))
            } else if plain.allSatisfy({ $0.isNumber || " -–/".contains($0) }) {
                title += " " + plain
            } else if Self.isDate(plain) {
                metadata.append(ExtraField(name: "date", value: plain))
            } else if subtitles == 0, plain.count <= 80, ImportText.isShouted(plain) || plain.contains(where: \.isNumber) {
                title += ": " + ImportText.titleCased(plain)
                subtitles += 1
            } else {
                break
            }
            used.append(lines[i].number)
            i += 1
        }
        end = i
        if let period = ImportText.period(in: title) { metadata.insert(ExtraField(name: "period", value: period), at: 0) }
    }

    /// `1 April 2012`: nothing but a date.
    private static func isDate(_ text: String) -> Bool {
        text.split(separator: " ").count <= 4 && text.contains(where: \.isNumber)
            && DueDateParser.parse(text).period.map { $0.start == $0.end } == true
    }
}
