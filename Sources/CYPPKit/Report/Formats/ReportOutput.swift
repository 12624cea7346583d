/// Where a renderer writes: UTF-8 bytes gathered in a small buffer and handed on in pieces
/// of about 64 KB, so a report of a million actions never sits in memory whole (at 1M
/// actions the HTML is over 700 MB, and growing one string to that size copied it over and
/// over). Without a sink the pieces are kept, for `render(_:) -> String`.
struct ReportOutput {
    private var bytes: [UInt8] = []
    private let sink: ((String) -> Void)?
    private var kept = ""

    private static let piece = 1 << 16

    init(_ sink: ((String) -> Void)? = nil) {
        self.sink = sink
        bytes.reserveCapacity(Self.piece + Self.piece / 4)
    }

    /// All that `write` produces, as one string: a renderer's `render(_:) -> String`.
    static func collect(_ write: (inout ReportOutput) -> Void) -> String {
        var out = ReportOutput()
        write(&out)
        return out.finish()
    }

    /// What `write` produces, handed to `sink` in pieces as it goes: a renderer's `render(_:to:)`.
    static func stream(to sink: @escaping (String) -> Void, _ write: (inout ReportOutput) -> Void) {
        var out = ReportOutput(sink)
        write(&out)
        out.flush()
    }

    static func += (out: inout ReportOutput, text: String) { out.append(text) }

    mutating func append(_ text: String) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
        if bytes.count >= Self.piece { flush() }
    }

    /// Plan text for HTML, escaped straight into the output by `HTMLEscape.rule`, without
    /// making an escaped copy of the text first.
    mutating func appendHTML(_ text: String) {
        text.appendBytes(replacing: HTMLEscape.rule, to: &bytes)
        if bytes.count >= Self.piece { flush() }
    }

    /// Hands the pending bytes on: to the sink, or to the text kept for `finish()`.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        if let sink { sink(text) } else { kept += text }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Everything written, when there is no sink (else what the sink has not yet had: nothing).
    mutating func finish() -> String {
        flush()
        return kept
    }
}
