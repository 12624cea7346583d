/// libFuzzer target: the Markdown plan reader (and `rate`'s cell editor on what it reads).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    PlanProperties.check(Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz.md")
    return 0
}
