/// libFuzzer target: the due-date parser. Any text parses (no trap, linear time), a period
/// never ends before it starts, and the trimmed text it keeps parses to the same meaning.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDueDateParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let due = DueDateParser.parse(text)
    if let period = due.period {
        must(period.start <= period.end, "period ends before it starts: \(period) from '\(text)'")
        must(
            (1900...2201).contains(period.start.year) && (1900...2201).contains(period.end.year),
            "year out of range: \(period) from '\(text)'")
    }
    must(DueDateParser.parse(due.text) == due, "trimmed text parses differently: '\(text)'")
    return 0
}
