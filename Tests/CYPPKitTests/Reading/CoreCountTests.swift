import Foundation
import Testing
@testable import CYPPKit

/// A large CSV is read on two threads only when the process may run two at once.
@Suite("Cores the process may use")
struct CoreCountTests {
    static let status = """
        Name:\tcyppctl
        Threads:\t1
        Cpus_allowed:\t3
        Cpus_allowed_list:\t%@
        Mems_allowed_list:\t0

        """

    /// Counted up to two, all the split needs.
    @Test(arguments: [("0-1", 2), ("0", 1), ("0-3,8", 2), ("2,4-5", 2), ("0-63", 2), ("3,3", 2), ("7", 1),
                      ("0-9223372036854775807", 2), ("0-4611686018427387903,0-4611686018427387903", 2)])
    func theAffinityListIsCounted(list: String, count: Int) {
        #expect(CoreCount.allowed(status: Self.status.replacingOccurrences(of: "%@", with: list)) == count)
    }

    @Test(arguments: ["", "Cpus_allowed_list:", "Cpus_allowed_list:\t\n", "Cpus_allowed_list:\tx-1\n", "Cpus_allowed_list:\t3-1\n",
                      "Cpus_allowed_list:\t0-1-2\n", "Cpus_allowed_list:\t3-\n", "Cpus_allowed_list:\t1--3\n"])
    func anUnreadableListCountsNothing(status: String) {
        #expect(CoreCount.allowed(status: status) == nil)
    }

    @Test(arguments: [("max 100000\n", nil), ("100000 100000\n", 1.0), ("150000 100000\n", 1.5), ("200000 100000", 2.0),
                      ("", nil), ("50000 0\n", nil), ("nan 100000", nil), ("inf 100000", nil)] as [(String, Double?)])
    func theCgroupQuotaIsInCores(cpuMax: String, cores: Double?) {
        #expect(CoreCount.quota(cpuMax: cpuMax) == cores)
    }
}
