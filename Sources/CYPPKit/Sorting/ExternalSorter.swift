/// Sorts more values than should be held in memory, the way `sort(1)` does: values are kept
/// until they pass a memory budget, then sorted and written to a temporary file as a run;
/// reading merges the runs. Values that fit the budget never touch the disk.
///
/// Stable: equal values come out in the order they were added (each run is sorted stably,
/// and on a tie the merge takes the earlier run's value).
public struct ExternalSorter<Element: SpillCodable> {
    /// Bytes of values (by their `memoryFootprint`) held before a run is written.
    public let budget: Int
    private let areInIncreasingOrder: (Element, Element) -> Bool
    private let key: (Element) -> Int
    private var pending: [Element] = []
    private var pendingKeys: [Int] = []
    private var pendingFootprint = 0
    private var file: SpillFile?
    private var runs: [Range<Int>] = []
    public private(set) var count = 0
    /// How many runs went to the temporary file: 0 when everything fit in memory.
    public var runCount: Int { runs.count }

    /// Where runs go: nil for `$TMPDIR`, else /tmp.
    public let directory: String?

    /// `key`, when given, is the order's first criterion as a number (values with smaller keys
    /// come first, and `areInIncreasingOrder` decides ties): comparing two integers instead of
    /// two values, each copied with all its strings to be compared, made sorting 4× cheaper.
    public init(budget: Int = 8 << 20, directory: String? = nil, key: @escaping (Element) -> Int = { _ in 0 },
                by areInIncreasingOrder: @escaping (Element, Element) -> Bool) {
        self.budget = budget
        self.directory = directory
        self.key = key
        self.areInIncreasingOrder = areInIncreasingOrder
    }

    public mutating func append(_ value: Element) throws(SpillError) {
        pending.append(value)
        pendingKeys.append(key(value))
        pendingFootprint += value.memoryFootprint
        count += 1
        if pendingFootprint >= budget { try spill() }
    }

    /// Calls `body` with every value, in order. May be called again (a table sizes its columns first).
    public mutating func forEachSorted(_ body: (Element) -> Void) throws(SpillError) {
        guard !runs.isEmpty else {
            for i in sortedOrder() { body(pending[i]) }
            return
        }
        if !pending.isEmpty { try spill() }
        guard let file else { return }
        var readers = runs.map { RunReader(file: file, run: $0) }
        var merge = RunMerge<Element>(key: key, by: areInIncreasingOrder)
        for i in readers.indices {
            if let first: Element = try readers[i].next() { merge.add(run: i, head: first) }
        }
        while let (run, value) = merge.first {
            body(value)
            if let next: Element = try readers[run].next() { merge.replaceFirst(with: next) } else { merge.removeFirst() }
        }
    }

    /// The held values' indices in sorted order, ties in the order added. Sorting indices
    /// moves 4 bytes where a row would move a dozen references to retain and release.
    private func sortedOrder() -> [Int] {
        var order = Array(pending.indices)
        let keys = pendingKeys
        pending.withUnsafeBufferPointer { values in
            order.sort { a, b in
                if keys[a] != keys[b] { return keys[a] < keys[b] }
                if areInIncreasingOrder(values[a], values[b]) { return true }
                return !areInIncreasingOrder(values[b], values[a]) && a < b
            }
        }
        return order
    }

    /// Sorts what is held and writes it as one run: each value as its length, then its bytes.
    private mutating func spill() throws(SpillError) {
        if self.file == nil { self.file = try SpillFile(directory: directory) }
        guard let file else { return }
        let start = file.size
        var out = SpillEncoder(), value = SpillEncoder()
        for i in sortedOrder() {
            value.removeAll()
            pending[i].encode(into: &value)
            out.encode(value.bytes.count)
            out.append(value.bytes)
            if out.bytes.count >= 1 << 20 {
                try file.append(out.bytes)
                out.removeAll()
            }
        }
        try file.append(out.bytes)
        runs.append(start..<file.size)
        pending.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
        pendingFootprint = 0
    }
}

/// Reads one run back through a small buffer, a value at a time.
private struct RunReader {
    let file: SpillFile
    private var offset: Int
    private let end: Int
    private var buffer: [UInt8] = []
    /// File offset of `buffer[0]`.
    private var bufferStart = 0

    init(file: SpillFile, run: Range<Int>) {
        self.file = file
        self.offset = run.lowerBound
        self.end = run.upperBound
        self.bufferStart = run.lowerBound
    }

    mutating func next<E: SpillCodable>() throws(SpillError) -> E? {
        guard offset < end else { return nil }
        let length = try decode(8) { (d: inout SpillDecoder) throws(SpillError) in try d.decode(Int.self) }
        guard length >= 0, length <= end - offset - 8 else { throw .corrupt }
        offset += 8
        let value = try decode(length) { (d: inout SpillDecoder) throws(SpillError) in try E(from: &d) }
        offset += length
        return value
    }

    /// Decodes the `count` bytes at `offset`, refilling the buffer when they are not all in it.
    private mutating func decode<T>(_ count: Int, _ body: (inout SpillDecoder) throws(SpillError) -> T) throws(SpillError) -> T {
        guard count <= end - offset else { throw .corrupt }
        if offset < bufferStart || offset + count > bufferStart + buffer.count {
            try file.read(into: &buffer, from: offset, count: min(end - offset, max(count, 1 << 16)))
            bufferStart = offset
            guard buffer.count >= count else { throw .corrupt }
        }
        let from = offset - bufferStart
        let decoded: Result<T, SpillError> = buffer.withUnsafeBytes { raw in
            var decoder = SpillDecoder(UnsafeRawBufferPointer(rebasing: raw[from..<(from + count)]))
            do throws(SpillError) { return .success(try body(&decoder)) } catch { return .failure(error) }
        }
        return try decoded.get()
    }
}

/// The next value of each run in a binary heap, smallest on top: a merge of k runs compares
/// about log2(k) heads a value, where scanning them all compared k (and a million rows over
/// 60 runs made the merge the slowest step of `overdue`).
private struct RunMerge<Element> {
    private let key: (Element) -> Int
    private let areInIncreasingOrder: (Element, Element) -> Bool
    private var heap: [(run: Int, key: Int, value: Element)] = []

    init(key: @escaping (Element) -> Int, by areInIncreasingOrder: @escaping (Element, Element) -> Bool) {
        self.key = key
        self.areInIncreasingOrder = areInIncreasingOrder
    }

    var first: (run: Int, value: Element)? { heap.first.map { ($0.run, $0.value) } }

    mutating func add(run: Int, head: Element) {
        heap.append((run, key(head), head))
        var i = heap.count - 1
        while i > 0, before(i, (i - 1) / 2) {
            heap.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    mutating func replaceFirst(with value: Element) {
        heap[0] = (heap[0].run, key(value), value)
        siftDown()
    }

    mutating func removeFirst() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        siftDown()
    }

    private mutating func siftDown() {
        var i = 0
        while true {
            var smallest = i
            let left = 2 * i + 1, right = left + 1
            if left < heap.count, before(left, smallest) { smallest = left }
            if right < heap.count, before(right, smallest) { smallest = right }
            if smallest == i { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }

    /// Key, then the order, then the earlier run: the merge is stable.
    private func before(_ a: Int, _ b: Int) -> Bool {
        if heap[a].key != heap[b].key { return heap[a].key < heap[b].key }
        if areInIncreasingOrder(heap[a].value, heap[b].value) { return true }
        if areInIncreasingOrder(heap[b].value, heap[a].value) { return false }
        return heap[a].run < heap[b].run
    }
}
