/// A pillar's summary page in seed 003: its aims side by side, and under each a
/// `We will:` list naming the aim's objectives. The list tells the reader which objectives
/// the tables should hold, so a page the extraction lost can be noticed and an objective
/// whose first words were cut off can be restored.
struct PillarSummary {
    struct Aim {
        var title: String
        var objectives: [String]
    }

    var aims: [Aim] = []

    /// The aims line (one aim per tab cell) and the `We will:` line under it.
    init(aims aimsLine: [String], lists: [String]) {
        for (i, cell) in aimsLine.enumerated() {
            var title = HTMLFragment.text(cell)
            if title.hasSuffix(".") { title.removeLast() }
            guard !title.isEmpty else { continue }
            let items = i < lists.count ? HTMLFragment.items(lists[i]).map(\.text) : []
            aims.append(Aim(title: title, objectives: items.filter { !$0.lowercased().hasPrefix("we will") }))
        }
    }

    var sections: [Section] {
        aims.map { Section(title: "Aim: \($0.title)", text: (["We will:"] + $0.objectives.map { "- " + $0 }).joined(separator: "\n")) }
    }

    /// The objective and aim the summary lists that ends with `fragment` (more words before it).
    func objective(endingWith fragment: String) -> (objective: String, aim: String)? {
        let f = Self.normalised(fragment)
        for aim in aims {
            for o in aim.objectives {
                let n = Self.normalised(o)
                if n.count > f.count, n.hasSuffix(" " + f) { return (o, aim.title) }
            }
        }
        return nil
    }

    /// The summary names this objective, give or take a word.
    func lists(_ text: String) -> Bool {
        aims.contains { $0.objectives.contains { Self.overlap($0, text, of: max) >= 0.9 } }
    }

    /// The tables' wording of a listed objective: they shorten and reword the list
    /// (`MECOSH & FNP` for the names spelled out), so most of the shorter one's words suffice.
    static func similar(_ a: String, _ b: String) -> Bool {
        overlap(a, b, of: min) >= 0.75
    }

    private static func overlap(_ a: String, _ b: String, of size: (Int, Int) -> Int) -> Double {
        let x = Set(words(a)), y = Set(words(b))
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(size(x.count, y.count))
    }

    private static func words(_ s: String) -> [String] {
        normalised(s).split { !$0.isLetter && !$0.isNumber && $0 != "&" }.map(String.init)
    }

    static func normalised(_ s: String) -> String {
        var t = s.lowercased().replacingAll("’", with: "'").collapsingWhitespace()
        while let last = t.last, ".;:".contains(last) { t.removeLast() }
        return t
    }
}
