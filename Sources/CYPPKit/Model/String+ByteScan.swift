extension String {
    /// True when some UTF-8 byte of the text passes `test`. An index loop over the contiguous
    /// bytes, so a fast path that asks "is there anything to do?" costs one cheap pass, even in
    /// a debug build (where `utf8.contains(where:)` walks a generic iterator byte by byte).
    func containsByte(where test: (UInt8) -> Bool) -> Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                if test(bytes[i]) { return true }
                i += 1
            }
            return false
        }
    }
}
