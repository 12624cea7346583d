/// Sorts more records than should be held in memory, the way `sort(1)` does: records are
/// kept until they pass a memory budget, then sorted and written to a temporary file as a
/// run; reading merges the runs. Records that fit the budget never touch the disk.
///
/// A record is a key that orders first (`SortKey`) and bytes that the caller's `tieOrder`
/// reads when keys do not decide. Records stay bytes from `append` to `forEachSorted`:
/// sorting moves no strings, so there is nothing to retain or release.
///
/// Stable: equal records come out in the order they were added (each run is sorted stably,
/// and on a tie the merge takes the earlier run's record).
public struct ExternalSorter {
    /// Orders two records whose numbers are equal: true when the first comes before the second.
    public typealias TieOrder = (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool

    /// Bytes of records held before a run is written.
    public let budget: Int
    /// Where runs go: nil for `$TMPDIR`, else /tmp.
    public let directory: String?
    private let tieOrder: TieOrder
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var file: SpillFile?
    /// Each run's bytes and the file they are in: a sorter that absorbed another reads its runs
    /// from that one's file.
    private var runs: [(file: SpillFile, range: Range<Int>)] = []
    private var spillBuffer = SpillEncoder()
    public private(set) var count = 0
    /// How many runs went to the temporary file: 0 when everything fit in memory.
    public var runCount: Int { runs.count }

    /// A held record: its key and where its bytes are in the arena.
    private struct Entry {
        var key: SortKey
        var start: Int
        var length: Int
    }

    public init(budget: Int = 8 << 20, directory: String? = nil, tieOrder: @escaping TieOrder = { _, _ in false }) {
        self.budget = budget
        self.directory = directory
        self.tieOrder = tieOrder
    }

    /// A record whose number alone is its key.
    public mutating func append(key: Int, record: [UInt8]) throws(SpillError) {
        try append(SortKey(key), record: record)
    }

    public mutating func append(_ key: SortKey, record: UnsafeRawBufferPointer) throws(SpillError) {
        hold(key, record)
        try added()
    }

    public mutating func append(_ key: SortKey, record: [UInt8]) throws(SpillError) {
        // Its bytes, borrowed: appending the array itself took it as its own, retained and released.
        record.withUnsafeBytes { hold(key, $0) }
        try added()
    }

    /// Keeps a record in the arena; `added` then spills if the budget is passed.
    private mutating func hold(_ key: SortKey, _ record: UnsafeRawBufferPointer) {
        reserve()
        entries.append(Entry(key: key, start: arena.count, length: record.count))
        arena.append(contentsOf: record)
    }

    /// The arena is the budget's size from the start: grown by doubling, it could reach twice
    /// the budget. So are the entries (as many as fit it) and the spill buffer: each doubling
    /// freed a buffer of 128 KiB or more, after which glibc keeps such buffers in the heap
    /// rather than giving them back (2 MB more at the peak of `overdue` on a million actions).
    /// Pages not yet written to take no memory.
    private mutating func reserve() {
        guard arena.capacity == 0 else { return }
        arena.reserveCapacity(budget)
        entries.reserveCapacity(budget / MemoryLayout<Entry>.stride + 1)
        spillBuffer.reserve(Self.spillBlock + 1 << 12)
    }

    /// Bytes written to the temporary file at a time.
    private static var spillBlock: Int { 1 << 18 }

    private mutating func added() throws(SpillError) {
        count += 1
        if arena.count + entries.count * MemoryLayout<Entry>.stride >= budget { try spill() }
    }

    /// Writes what is held as a run when earlier runs went to the temporary file, so that
    /// `forEachSorted` writes nothing: a caller can print a header knowing no write can fail.
    public mutating func finishWriting() throws(SpillError) {
        if !runs.isEmpty, !entries.isEmpty { try spill() }
    }

    /// Calls `body` with every record, in order; the bytes are valid only during the call.
    public mutating func forEachSorted(_ body: (UnsafeRawBufferPointer) -> Void) throws(SpillError) {
        guard !runs.isEmpty else {
            sortEntries()
            arena.withUnsafeBytes { raw in
                for e in entries { body(UnsafeRawBufferPointer(rebasing: raw[e.start..<(e.start + e.length)])) }
            }
            return
        }
        try finishWriting()
        var merge = RunMerge(readers: runs.map { RunReader(file: $0.file, run: $0.range) }, tieOrder: tieOrder)
        try merge.start()
        while try merge.next(body) {}
    }

    /// Takes in the records of a sorter filled after this one (the later part of a file read on
    /// two cores), as if appended here: ties still come out in the order added. Its runs stay
    /// in its temporary file, kept open with them.
    public mutating func absorb(_ later: consuming ExternalSorter) throws(SpillError) {
        if !later.runs.isEmpty {
            // What is held here was added before the later runs, so it goes out as a run first.
            if !entries.isEmpty { try spill() }
            runs += later.runs
            count += later.count - later.entries.count
        }
        // Straight out of the later arena; a spill's error is kept and thrown after.
        var failure: SpillError?
        later.arena.withUnsafeBytes { raw in
            for e in later.entries where failure == nil {
                do throws(SpillError) {
                    try append(e.key, record: UnsafeRawBufferPointer(rebasing: raw[e.start..<(e.start + e.length)]))
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
    }

    /// Sorts the held entries in place; Swift's sort is stable, so ties keep the order added.
    private mutating func sortEntries() {
        let tieOrder = self.tieOrder
        arena.withUnsafeBytes { raw in
            entries.sort { a, b in
                if let decided = a.key.precedes(b.key) { return decided }
                return tieOrder(UnsafeRawBufferPointer(rebasing: raw[a.start..<(a.start + a.length)]),
                                UnsafeRawBufferPointer(rebasing: raw[b.start..<(b.start + b.length)]))
            }
        }
    }

    /// Sorts what is held and writes it as one run: each record as its number, its length,
    /// then its bytes.
    private mutating func spill() throws(SpillError) {
        if self.file == nil { self.file = try SpillFile(directory: directory) }
        guard let file else { return }
        let start = file.size
        var out = spillBuffer
        spillBuffer = SpillEncoder()  // moved out and back: not copied
        defer {
            out.removeAll()
            spillBuffer = out
        }
        sortEntries()
        for e in entries {
            out.encode(e.key)
            out.encode(e.length)
            arena.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[e.start..<(e.start + e.length)])) }
            if out.bytes.count >= Self.spillBlock {
                try file.append(out.bytes)
                out.removeAll()
            }
        }
        try file.append(out.bytes)
        runs.append((file, start..<file.size))
        arena.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }
}

/// Reads one run back through a buffer of its own, a record at a time. The current record is
/// read where it lies in that buffer, which only this reader's next `advance` refills: the
/// other runs' records stay put meanwhile.
private final class RunReader {
    let file: SpillFile
    private var offset: Int
    private let end: Int
    /// Holds the file's bytes from `bufferStart`, `filled` of them.
    private var buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var bufferStart = 0
    private var filled = 0
    private(set) var key = SortKey(0)
    private(set) var record = UnsafeRawBufferPointer(start: nil, count: 0)

    init(file: SpillFile, run: Range<Int>) {
        self.file = file
        self.offset = run.lowerBound
        self.end = run.upperBound
        self.bufferStart = run.lowerBound
    }

    deinit { buffer.deallocate() }

    /// Moves to the next record; false at the end of the run.
    func advance() throws(SpillError) -> Bool {
        guard offset < end else { return false }
        try load(SpillEncoder.headerSize)
        let header = offset - bufferStart
        func word(_ at: Int) -> Int64 { Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: header + at, as: Int64.self)) }
        key = SortKey(Int(word(0)), group: UInt32(truncatingIfNeeded: word(8)), hint: UInt64(bitPattern: word(16)))
        let length = Int(word(24))
        offset += SpillEncoder.headerSize
        guard length >= 0, length <= end - offset else { throw .corrupt }
        try load(length)
        record = UnsafeRawBufferPointer(rebasing: buffer[(offset - bufferStart)..<(offset - bufferStart + length)])
        offset += length
        return true
    }

    /// Makes sure the `count` bytes at `offset` are in the buffer, reading 64 KiB (or the
    /// record, if longer) from there when they are not.
    private func load(_ count: Int) throws(SpillError) {
        guard count <= end - offset else { throw .corrupt }
        guard offset < bufferStart || offset + count > bufferStart + filled else { return }
        let want = min(end - offset, max(count, 1 << 16))
        if buffer.count < want {
            buffer.deallocate()
            buffer = .allocate(byteCount: want, alignment: 8)
        }
        filled = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<want]), from: offset)
        bufferStart = offset
        guard filled >= count else { throw .corrupt }
    }
}

/// The runs' current records in a binary heap, smallest on top: a merge of k runs compares
/// about log2(k) heads a record, where scanning them all compared k (and a million rows over
/// 60 runs made the merge the slowest step of `overdue`). The heap holds each head's number
/// and bytes, so comparing two touches no reader (a reader read from the array was retained
/// and released for each comparison).
private struct RunMerge {
    private struct Head {
        var key: SortKey
        var record: UnsafeRawBufferPointer
        var run: Int
    }

    private let readers: [RunReader]
    private let tieOrder: ExternalSorter.TieOrder
    private var heap: [Head] = []

    init(readers: [RunReader], tieOrder: @escaping ExternalSorter.TieOrder) {
        self.readers = readers
        self.tieOrder = tieOrder
    }

    mutating func start() throws(SpillError) {
        for (run, reader) in readers.enumerated() where try reader.advance() {
            heap.append(Head(key: reader.key, record: reader.record, run: run))
            var child = heap.count - 1
            while child > 0, Self.before(heap[child], heap[(child - 1) / 2], tieOrder) {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }
    }

    /// Hands the smallest record to `body` and moves its run on; false when all runs are done.
    mutating func next(_ body: (UnsafeRawBufferPointer) -> Void) throws(SpillError) -> Bool {
        guard let top = heap.first else { return false }
        body(top.record)
        let reader = readers[top.run]
        if try reader.advance() {
            heap[0] = Head(key: reader.key, record: reader.record, run: top.run)
        } else {
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
        }
        siftDown()
        return true
    }

    /// Through the heap's buffer, with the order in a local: read through `self` at each
    /// comparison, the array and the order's context were retained and released each time.
    private mutating func siftDown() {
        let tieOrder = self.tieOrder
        heap.withUnsafeMutableBufferPointer { heap in
            var i = 0
            while true {
                var smallest = i
                let left = 2 * i + 1, right = left + 1
                if left < heap.count, Self.before(heap[left], heap[smallest], tieOrder) { smallest = left }
                if right < heap.count, Self.before(heap[right], heap[smallest], tieOrder) { smallest = right }
                if smallest == i { return }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }
    }

    /// Key, then the caller's order, then the earlier run: the merge is stable.
    private static func before(_ a: Head, _ b: Head, _ tieOrder: ExternalSorter.TieOrder) -> Bool {
        if let decided = a.key.precedes(b.key) { return decided }
        if tieOrder(a.record, b.record) { return true }
        return !tieOrder(b.record, a.record) && a.run < b.run
    }
}

/// Where a record sorts before its bytes are read: its number (smaller first), then, between
/// two records of one group, its hint (smaller first); the sorter's `tieOrder` decides the rest.
/// Within a group a hint must agree with `tieOrder`: when it puts one record first, the hint
/// may not put the other first. Comparing two numbers settles most ties that would otherwise
/// call `tieOrder` (for `overdue`, refs compared digit run by digit run) twice.
public struct SortKey: Equatable, Sendable {
    public var number: Int
    public var group: UInt32
    public var hint: UInt64

    public init(_ number: Int, group: UInt32 = 0, hint: UInt64 = 0) {
        self.number = number
        self.group = group
        self.hint = hint
    }

    /// True or false when the keys decide; nil when the records' bytes must.
    func precedes(_ other: SortKey) -> Bool? {
        if number != other.number { return number < other.number }
        if group == other.group, hint != other.hint { return hint < other.hint }
        return nil
    }
}
