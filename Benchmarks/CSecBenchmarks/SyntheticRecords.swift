import Dispatch
import Foundation
import RecordStore
import Records
import ScenarioEngine
import Synchronization

/// Writes signed completion records straight into a data directory, as `train` would have, but
/// without flushing each to the disk (a benchmark needs the files, not their durability).
struct SyntheticRecords {
    let dataDirectory: URL

    /// `count` records for `count / 5` people (five attempts each, most passing), spread over
    /// the 2026-2027 school year; with `session`, group-session records that all pass.
    func write(count: Int, seed: UInt64, session: String? = nil) throws {
        let key = try InstallationKey.loadOrCreate(in: dataDirectory)
        let store = RecordStore(dataDirectory: dataDirectory, key: key)
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: count) { number in
            var generator = SplitMix64(seed: seed &+ UInt64(number))
            let record = Self.record(number: number, session: session, using: &generator)
            do {
                try SignedRecord(signing: record, with: key).fileContents().write(to: store.file(for: record.id))
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        if failures.withLock({ $0 }) > 0 { throw ValidationFailure(message: "could not write the synthetic records") }
    }

    static func record(number: Int, session: String?, using generator: inout SplitMix64) -> CompletionRecord {
        let person = number / 5
        let day = Int.random(in: 0..<300, using: &generator)
        let completed = Date(timeIntervalSince1970: 1_782_892_800 + Double(day * 86_400 + 36_000))  // from 2026-07-01
        let percent = Int.random(in: 50...100, using: &generator)
        let names = ["José Núñez", "Nguyễn Thị Minh", "Zoë Łukasiewicz-O'Brien", "Ana Ruiz", "Kim Lee", "Sam Okafor"]
        return CompletionRecord(
            id: UUID(),
            trainee: Trainee(
                name: "\(names[person % names.count]) \(person)", employeeID: "E-\(person)", school: "School \(person % 40)",
                district: "Benchmark Unified", role: "teacher"),
            training: TrainingModule(
                module: "csec-response-protocol", jurisdiction: "marin", jurisdictionName: "Marin County",
                protocolVersion: "Updated 3.1.19", protocolHash: String(repeating: "a", count: 64),
                scenarioBankHash: String(repeating: "b", count: 64), seed: UInt64(number)),
            mode: session.map { .groupSession(id: $0, facilitator: "Benchmark Trainer") } ?? .selfPaced,
            startedAt: Timestamp(completed.addingTimeInterval(-1200), utcOffsetSeconds: -7 * 3600),
            completedAt: Timestamp(completed, utcOffsetSeconds: -7 * 3600), activeSeconds: 900,
            questions: (1...12).map { question in
                QuestionResult(
                    questionID: "vignette-\(question)#1:category", kind: "category", vignette: "vignette-\(question)", stage: 1,
                    chosenOption: "category:suspected-victim", correctOption: "category:suspected-victim", points: 1,
                    possiblePoints: 1)
            },
            score: ScoreSummary(
                points: percent, possiblePoints: 100, percent: percent, passed: session != nil || percent >= 80,
                reasons: ["Score \(percent)%."], policyID: "default", policyVersion: 1))
    }
}
