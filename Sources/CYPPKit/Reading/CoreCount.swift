#if canImport(Glibc)
import Glibc
#endif

/// Whether this process can run two threads at once. Online cores are not enough: `taskset`
/// narrows a process's affinity, and a container's CPU quota (`docker --cpus 1`) limits it
/// on a many-core host; two threads on one core only take turns, each slower.
enum CoreCount {
    /// Asked only of a file large enough to split, so small plans read no /proc files. The
    /// quota read is the one at the top of the cgroup hierarchy the process sees: a container's
    /// own (Docker's default on cgroup v2). A limit on a nested cgroup (systemd's `CPUQuota=`,
    /// `--cgroupns=host`) or a parent's, and cgroup v1's, are not looked for: missing one costs
    /// speed, never a different result.
    static let hasSpare: Bool = {
        guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return false }
        if let status = smallFile("/proc/self/status"), let allowed = allowed(status: status), allowed < 2 { return false }
        if let limit = smallFile("/sys/fs/cgroup/cpu.max"), let cores = quota(cpuMax: limit), cores <= 1 { return false }
        return true
    }()

    /// The CPUs in /proc/self/status's `Cpus_allowed_list` ("0-3,8" is 5), counted up to 2
    /// (all the question needs, and no sum of huge ranges can overflow); nil when the line is
    /// absent, empty or not a list of numbers and ranges.
    static func allowed(status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") }) else { return nil }
        let parts = line.dropFirst("Cpus_allowed_list:".count).split(separator: ",")
        guard !parts.isEmpty else { return nil }
        var count = 0
        for part in parts {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingWhitespace()) }
            guard let low = bounds.first ?? nil, let high = bounds.last ?? nil, bounds.count <= 2, low <= high else { return nil }
            count = min(2, count + (high - low < 2 ? high - low + 1 : 2))
        }
        return count
    }

    /// Cores a cgroup v2 `cpu.max` ("QUOTA PERIOD", in microseconds) allows: 150000 100000 is
    /// 1.5. Nil when unlimited ("max …") or unreadable.
    static func quota(cpuMax: String) -> Double? {
        let fields = cpuMax.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 2, let quota = Double(fields[0]), let period = Double(fields[1]), quota.isFinite, period.isFinite,
            period > 0
        else { return nil }
        return quota / period
    }

    /// A short file read whole, as plans are (`MappedFile` reads /proc files, which report a
    /// size of 0, to their end).
    private static func smallFile(_ path: String) -> String? {
        guard let file = try? MappedFile(path: path) else { return nil }
        return String(decoding: file.bytes, as: UTF8.self)
    }
}
