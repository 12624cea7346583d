extension String {
    /// Literal replacement over UTF-8 bytes: no Foundation bridging on the readers' hot path.
    /// Index loops over buffers (count, then copy into an exact-size array), so unescaping a
    /// 10 MB CSV field of `""` quotes is quick even in a debug build.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8), with = Array(replacement.utf8)
        guard !needle.isEmpty else { return self }
        var text = self
        let replaced: [UInt8]? = text.withUTF8 { hay in
            needle.withUnsafeBufferPointer { n in
                with.withUnsafeBufferPointer { r in Self.replacing(n, with: r, in: hay) }
            }
        }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? self
    }

    /// Where `n` starts at `i` in `hay` (`i` at most `hay.count - n.count`).
    private static func matches(_ n: UnsafeBufferPointer<UInt8>, _ hay: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var k = 1
        while k < n.count && hay[i + k] == n[k] { k += 1 }
        return k == n.count
    }

    /// Counts the matches, then copies the runs between them whole into an exact-size array.
    private static func replacing(_ n: UnsafeBufferPointer<UInt8>, with r: UnsafeBufferPointer<UInt8>,
                                  in hay: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let source = hay.baseAddress, let first = n.first else { return nil }
        let last = hay.count - n.count
        var count = 0, i = 0
        while i <= last {
            if hay[i] == first && matches(n, hay, at: i) {
                count += 1
                i += n.count
            } else {
                i += 1
            }
        }
        guard count > 0 else { return nil }
        let size = hay.count + count * (r.count - n.count)
        return [UInt8](unsafeUninitializedCapacity: size) { out, initialized in
            guard let target = out.baseAddress else { return }
            var i = 0, j = 0, run = 0
            func copy(_ from: UnsafePointer<UInt8>, _ length: Int) {
                guard length > 0 else { return }
                UnsafeMutableRawPointer(target + j).copyMemory(from: from, byteCount: length)
                j += length
            }
            while i <= last {
                if hay[i] == first && matches(n, hay, at: i) {
                    copy(source + run, i - run)
                    if let replacement = r.baseAddress { copy(replacement, r.count) }
                    i += n.count
                    run = i
                } else {
                    i += 1
                }
            }
            copy(source + run, hay.count - run)
            initialized = j
        }
    }
}
