/// libFuzzer target: the CSV plan reader (and `rate`'s cell editor on what it reads).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    PlanProperties.check(Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz.csv")
    return 0
}
