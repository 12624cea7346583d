extension CSVField {
    /// The field as a table cell holds it: decoded, `""` unescaped, whitespace trimmed.
    /// Trimming starts on the bytes: ASCII blanks go there, and text whose edges then need no
    /// trimming (`ByteScan.hasPlainEdges`) is decoded once, with no Unicode look-ups (most fields).
    /// Anything else, or text after a closing quote, is trimmed as a string.
    func cellText(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let span = trimmedSpan(in: bytes) else { return Self.trimmed(text(in: bytes)) }
        guard !span.isEmpty else { return "" }
        // Blanks are not quotes, so trimming before unescaping leaves every `""` pair whole.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self)
        return hasEscapedQuotes ? text.replacingAll("\"\"", with: "\"") : text
    }

    /// The bytes that are `cellText` exactly, when it needs no decoding: no `""`, nothing
    /// after a closing quote, and once ASCII blanks are trimmed, edges that need no trimming
    /// (or nothing at all: an empty range). Nil when the text must be made.
    func plainText(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        hasEscapedQuotes ? nil : trimmedSpan(in: bytes)
    }

    /// The content with ASCII blanks trimmed, when that is all the trimming it needs: nothing
    /// after a closing quote, and edges `ByteScan.hasPlainEdges` accepts (or nothing left).
    /// Nil when the text must be trimmed as a string.
    private func trimmedSpan(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard trailing.isEmpty else { return nil }
        var start = content.lowerBound, end = min(content.upperBound, bytes.count)
        while start < end, ByteScan.isASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, ByteScan.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        guard start == end || ByteScan.hasPlainEdges(bytes, start..<end) else { return nil }
        return start..<end
    }

    /// Whether `cellText` is not empty, mostly without making it: text that starts with a
    /// visible ASCII character once blanks are skipped keeps it, and so does text whose edges
    /// need no trimming (`Łucja`, `Éducation`). Only other text is made to find out.
    func hasCellText(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = content.lowerBound
        let end = min(content.upperBound, bytes.count)
        while start < end, ByteScan.isASCIIWhitespace(bytes[start]) { start += 1 }
        if start < end, ByteScan.isVisibleASCII(bytes[start]) { return true }
        if start == end && trailing.isEmpty { return false }
        if let span = trimmedSpan(in: bytes) { return !span.isEmpty }
        return !cellText(in: bytes).isEmpty
    }

    /// Only text with edge spaces pays for a trimmed copy.
    private static func trimmed(_ text: String) -> String {
        let t = text.trimmingWhitespace()
        return t.utf8.count == text.utf8.count ? text : String(t)
    }
}
