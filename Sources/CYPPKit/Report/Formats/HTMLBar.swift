/// Inline SVG stacked bars in the BRAG colours. Each segment carries its count as text and a
/// `<title>`, and the bar an `aria-label`, so it reads without colour and to a screen reader.
enum HTMLBar {
    /// `compact` bars sit in table cells: shorter, smaller numbers.
    static func svg(_ counts: RatingCounts, label: String, compact: Bool = false) -> String {
        let width = compact ? 200.0 : 600.0
        let height = compact ? 20.0 : 30.0
        let summary = RatingCounts.order.map { r in
            let s = counts.share(r)
            return "\(name(r)) \(s.count)"
        }.joined(separator: ", ")
        var out =
            "<svg class=\"bar\(compact ? " compact" : "")\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(HTMLEscape.escape(label + ": " + summary))\">"
        guard counts.total > 0 else {
            return out + "<rect class=\"seg unrated\" x=\"0.5\" y=\"0.5\" width=\"\(width - 1)\" height=\"\(height - 1)\"/>"
                + "<text x=\"\(width / 2)\" y=\"\(height / 2)\" class=\"lbl dark\">no actions</text></svg>"
        }
        var x = 0.0
        for r in RatingCounts.order {
            let share = counts.share(r)
            guard share.count > 0 else { continue }
            let w = width * Double(share.count) / Double(counts.total)
            out += "<g><title>\(name(r)): \(share.count) of \(counts.total) (\(share.percent)%)</title>"
            out += "<rect class=\"seg \(cssClass(r))\" x=\"\(fmt(x))\" y=\"0\" width=\"\(fmt(w))\" height=\"\(Int(height))\"/>"
            let minimum = compact ? 12.0 : 26.0
            if w >= minimum {
                let text = compact || w < 70 ? "\(share.count)" : "\(name(r)) \(share.count)"
                out +=
                    "<text x=\"\(fmt(x + w / 2))\" y=\"\(fmt(height / 2))\" class=\"lbl \(dark(r) ? "dark" : "light")\">\(text)</text>"
            }
            out += "</g>"
            x += w
        }
        return out + "</svg>"
    }

    /// A key under a bar: swatch, name, count and percent for every rating, zeros included.
    static func legend(_ counts: RatingCounts) -> String {
        "<ul class=\"legend\">"
            + RatingCounts.order.map { r in
                let s = counts.share(r)
                return
                    "<li><span class=\"swatch \(cssClass(r))\"></span>\(name(r)) <b>\(s.count)</b> <span class=\"pct\">\(s.percent)%</span></li>"
            }.joined() + "</ul>"
    }

    static func name(_ r: Rating?) -> String { r?.rawValue ?? "Unrated" }

    static func cssClass(_ r: Rating?) -> String { r?.rawValue.lowercased() ?? "unrated" }

    /// Amber, Grey and unrated are light fills: their labels are dark.
    private static func dark(_ r: Rating?) -> Bool { r == .amber || r == .grey || r == nil }

    private static func fmt(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
