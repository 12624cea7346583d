import CYPPKit
import Foundation
import Testing

/// The proofs that `rate` never loses data: concurrent runs all land, and runs killed
/// with SIGKILL at random moments leave the old file or the new one, never a partial one.
@Suite("rate under concurrency and kill -9", .serialized)
struct RateSafetyTests {
    static let md = "southend-cypp-2018-2020.md", csv = "southend-improvement-plan-2021-2023.csv"

    static func start(_ args: [String], in folder: URL, environment: [String: String] = [:]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = args
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        return (process, err)
    }

    /// What the library makes of `bytes` with one cell edited: the only acceptable "new" file.
    static func edited(_ bytes: [UInt8], path: String, _ edits: [PlanEditor.Edit]) throws -> [UInt8] {
        let source = SourceText(path: path, bytes: bytes)
        return try PlanEditor.apply(edits, to: source, plan: PlanLoader.parse(source).plan)
    }

    static func historyLines(_ scratch: ScratchPlans, _ plan: String) -> [Substring] {
        scratch.text(plan + ".history.tsv").split(separator: "\n")
    }

    @Test func twentyConcurrentRatesOnOnePlanAllLand() throws {
        let scratch = try ScratchPlans("plans/" + Self.md)
        let plan = scratch.plan(Self.md)
        let original = scratch.bytes(plan)
        let refs = Array(PlanLoader.parse(SourceText(path: plan, bytes: original)).plan.allActions.map(\.action.ref).prefix(20))
        try #require(refs.count == 20)
        // Start all twenty before waiting for any, so they contend for the lock.
        let runs = try refs.enumerated().map { i, ref in
            try Self.start(["rate", ref, "--progress", "green", "--impact", "amber", "--by", "worker \(i)"], in: scratch.url,
                           environment: ["CYPPCTL_LOCK_TIMEOUT": "120"])
        }
        for (process, _) in runs { process.waitUntilExit() }
        for (i, (process, err)) in runs.enumerated() {
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "worker \(i) (\(refs[i])): \(stderr)")
        }
        // Every edit landed, and the file is exactly what the edits make of the original.
        let edits = refs.flatMap { [PlanEditor.Edit(ref: $0, field: .progress, value: "Green"), .init(ref: $0, field: .impact, value: "Amber")] }
        #expect(scratch.bytes(plan) == (try Self.edited(original, path: plan, edits)))
        let history = Self.historyLines(scratch, plan)
        #expect(history.count == 1 + 40)  // header, then progress and impact for each of the 20
        let (entries, diagnostics) = HistoryFile.parse(scratch.text(plan + ".history.tsv"), path: plan)
        #expect(diagnostics.isEmpty)
        #expect(Set(entries.filter { $0.field == .progress }.map(\.ref)) == Set(refs))
        #expect(entries.filter { $0.field == .progress }.count == 20)
        #expect(Set(entries.map(\.who)).count == 20)
        #expect(!scratch.names().contains { $0.hasSuffix(".cyppctl-tmp") })
    }

    @Test func twentyConcurrentSingleRatingsWriteExactlyTwentyHistoryLines() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let plan = scratch.plan(Self.csv)
        let refs = Array(PlanLoader.parse(SourceText(path: plan, bytes: scratch.bytes(plan))).plan.allActions.map(\.action.ref).prefix(20))
        let runs = try refs.map { try Self.start(["rate", $0, "--progress", "blue"], in: scratch.url, environment: ["CYPPCTL_LOCK_TIMEOUT": "120"]) }
        for (process, _) in runs { process.waitUntilExit() }
        #expect(runs.allSatisfy { $0.0.terminationStatus == 0 })
        #expect(Self.historyLines(scratch, plan).count == 1 + 20)
        let reread = PlanLoader.parse(SourceText(path: plan, bytes: scratch.bytes(plan))).plan
        #expect(refs.allSatisfy { reread.action(ref: $0)?.action.progress == .blue })
    }

    @Test func killedRunsLeaveTheOldOrTheNewFileAndNoTrap() throws {
        let scratch = try ScratchPlans("plans/" + Self.csv)
        let plan = scratch.plan(Self.csv), ref = "3.8"
        func rating() -> Rating? { PlanLoader.parse(SourceText(path: plan, bytes: scratch.bytes(plan))).plan.action(ref: ref)?.action.progress }
        // How long an uninterrupted run takes here, under this machine's load.
        var durations: [Double] = []
        for value in ["green", "amber", "green"] {
            let clock = ContinuousClock.now
            #expect(try scratch.cyppctl("rate", ref, "--progress", value).status == 0)
            let d = ContinuousClock.now - clock
            durations.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        let typical = durations.sorted()[1]
        var old = 0, new = 0, killed = 0, leftovers = 0
        for i in 0..<60 {
            let before = scratch.bytes(plan), historyBefore = Self.historyLines(scratch, plan).count
            let target: Rating = rating() == .amber ? .green : .amber
            let after = try Self.edited(before, path: plan, [.init(ref: ref, field: .progress, value: target.rawValue)])
            let (process, _) = try Self.start(["rate", ref, "--progress", target.rawValue], in: scratch.url)
            if i % 3 == 0 {
                // Aim at the dangerous moment: kill as soon as the temp file appears (mid-write).
                let deadline = ContinuousClock.now + .seconds(5)
                while process.isRunning, ContinuousClock.now < deadline,
                    !scratch.names().contains(where: { $0.hasSuffix(".cyppctl-tmp") }) {}
            } else {
                usleep(UInt32(typical * Double.random(in: 0.1...1.3) * 1_000_000))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let now = scratch.bytes(plan), historyNow = Self.historyLines(scratch, plan).count
            if now == before {
                old += 1
                #expect(historyNow == historyBefore, "the old plan with a new history line")
            } else {
                new += 1
                #expect(now == after, "a plan that is neither the old nor the new version")
                // Killed between the rename and the append: the new plan may lack its line.
                #expect(historyNow == historyBefore + 1 || historyNow == historyBefore)
            }
            if scratch.names().contains(where: { $0.hasSuffix(".cyppctl-tmp") }) {
                leftovers += 1
                // A leftover is hidden: the folder still reads as exactly one clean plan.
                let check = try scratch.cyppctl("check")
                #expect(check.stdout.hasPrefix("ok: 1 plan,"), "\(check.stderr)")
            }
        }
        // Both outcomes happened, and kills did land mid-write (leaving temp files), so the
        // test exercised the dangerous window rather than only process start-up.
        #expect(killed > 0 && old > 0 && new > 0 && leftovers > 0, "old \(old), new \(new), killed \(killed), leftovers \(leftovers)")
        // A later run is not tripped by anything a killed run left: it works and cleans up.
        let later = try scratch.cyppctl("rate", ref, "--progress", rating() == .red ? "green" : "red")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(!scratch.names().contains { $0.hasSuffix(".cyppctl-tmp") })
        let (_, diagnostics) = HistoryFile.parse(scratch.text(plan + ".history.tsv"), path: plan)
        #expect(diagnostics.isEmpty)
        print("kill -9 test: \(old) old, \(new) new, \(killed) killed, \(leftovers) with a temp file left; typical run \(typical)s")
    }
}
