import Completion
import Foundation
import LRSDelivery
import Records
import TestSupport
import Testing
import XAPI

#if canImport(Glibc)
    import Glibc
#endif

/// `records send` killed (SIGKILL) in the middle of a large outbox, three times, then run again: every
/// record's statements are in the LRS exactly once, and nothing is left queued. A batch the LRS
/// stored just before the kill, but not yet written to `delivered.log`, is sent again with the
/// same statement ids and the same bytes, and the LRS answers 204 without storing anything.
@Suite(.serialized, .enabled(if: RalphLRS.runsCases, Comment(rawValue: RalphLRS.skipMessage)))
struct KilledSenderTests {
    static let recordCount = 300

    /// The `csec-trainer` executable built next to the test bundle.
    static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Fixtures.repositoryRoot.appending(path: ".build/debug"),
        ]
        return candidates.map { $0.appending(path: "csec-trainer") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2].appending(path: "csec-trainer")
    }

    static func recordsSend(_ lrs: RalphLRS, data: URL) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "records", "send", "--lrs", lrs.endpoint.absoluteString, "--lrs-user", lrs.username, "--district-url",
            "https://district.example.org", "--data-dir", data.path,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["CSEC_TRAINER_LRS_PASSWORD": lrs.password]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aSenderKilledMidBatchThenRunAgainDeliversEverythingExactlyOnce() async throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        try await RalphLRS.run { lrs in
            let outbox = data.outbox(for: lrs)
            let records = (0..<Self.recordCount).map { number in
                SampleRecords.record(employeeID: "E-\(number)", percent: 50 + number % 50, passed: number % 50 >= 30)
            }
            var expected: [String: Set<String>] = [:]
            for record in records {
                #expect(try data.export.enqueue(record, into: outbox))
                expected[record.id.uuidString.lowercased()] = Set(data.export.statements(of: record).map(\.id))
            }
            // Killed three times, when a tenth, four tenths and seven tenths are delivered.
            for tenths in [1, 4, 7] {
                let sender = try Self.recordsSend(lrs, data: data.url)
                let killed = try await Self.kill(sender, onceDelivered: Self.recordCount * tenths / 10, in: outbox)
                #expect(killed, "records send finished before it could be killed")
                let left = try outbox.pending().count
                #expect(left > 0 && left < Self.recordCount, "\(left) records left queued after the kill")
            }
            let second = try Self.recordsSend(lrs, data: data.url)
            try await onOwnThread { second.waitUntilExit() }
            #expect(second.terminationStatus == 0)
            #expect(try outbox.pending().isEmpty)
            #expect(try outbox.deliveredRecordIDs() == Set(expected.keys))
            for (registration, ids) in expected {
                let stored = try await lrs.statements(registration: registration).compactMap { $0["id"] as? String }
                #expect(stored.count == ids.count && Set(stored) == ids, "record \(registration): \(stored.count) stored")
            }
        }
    }

    /// Kills `sender` (SIGKILL) once `outbox` lists `count` records delivered, and waits for it;
    /// false when it had ended first. The watch runs on a thread of its own, polling every
    /// 2 ms: a cooperative thread can be held up for seconds on a loaded machine, long enough
    /// for the sender to finish.
    static func kill(_ sender: Process, onceDelivered count: Int, in outbox: StatementOutbox) async throws -> Bool {
        try await onOwnThread {
            let deadline = ContinuousClock.now + .seconds(180)
            while sender.isRunning, ContinuousClock.now < deadline, ((try? outbox.deliveredRecordIDs().count) ?? 0) < count {
                usleep(2_000)
            }
            let wasRunning = sender.isRunning
            Glibc.kill(sender.processIdentifier, SIGKILL)
            sender.waitUntilExit()
            return wasRunning
        }
    }
}
