import ContentLoading
import Dispatch
import Foundation
import PostgresStorage
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Times `csec-trainer records stats --format svg --out DIR` over the benchmark's synthetic
/// records, given realistic answers: each record answers six of Marin's vignettes (every
/// question the engine asks of them, about 20 to 28), right with a chance of 85%, else a wrong
/// option at random. On the files, the records' answer index lines are appended as saving
/// them appends them (``RecordStore/indexAnswers(of:)``), so the first run reads the index; a
/// last run without the index (records copied in without it) verifies every file and writes it.
/// On PostgreSQL (``runOnDatabase(address:times:)``), the records are loaded into a database
/// of their own and the figures computed in SQL.
struct StatsBenchmark {
    let trainer: URL
    let content: TrainingContent
    let count: Int
    let seed: UInt64
    /// Where to write the records and leave them (for profiling); default: a temporary directory.
    var keepIn: URL?

    struct Figures {
        var cold: Timings
        var warm: Timings
        /// Files only: the run after the answer index was deleted.
        var withoutIndex: Timings?
    }

    func run(times: Int) async throws -> Figures {
        let data =
            keepIn ?? FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-stats-\(UUID().uuidString)")
        defer { if keepIn == nil { try? FileManager.default.removeItem(at: data) } }
        let key = try InstallationKey.loadOrCreate(in: data)
        let store = RecordStore(dataDirectory: data, key: key)
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        let clock = ContinuousClock()
        var indexing = Duration.zero
        let questionsPerRecord = try await generate { records in
            try write(records, to: store)
            let start = clock.now
            store.indexAnswers(of: records)
            indexing += clock.now - start
        }
        sync()
        let out = data.appending(path: "stats")
        let stats = ["records", "stats", "--format", "svg", "--out", out.path, "--data-dir", data.path]
        var cold = try Timings(
            name: "records stats --format svg over \(count) records, first run (answer index written as the records were saved)",
            durations: [time(stats)])
        cold.notes.append(
            String(
                format: "answer index lines appended at save: %.1f µs per record (%.2f s for all, in batches of %d)",
                indexing.seconds / Double(count) * 1e6, indexing.seconds, Self.batch))
        sync()
        var warm = try Timings(
            name: "records stats --format svg over \(count) records (answer index)",
            durations: (0..<times).map { _ in try time(stats) })
        let index = data.appending(path: "records/answers.log")
        let indexSize = (try? FileManager.default.attributesOfItem(atPath: index.path)[.size] as? Int) ?? 0
        warm.notes.append(
            String(format: "%.1f answers per record; answer index %.0f MB; ", questionsPerRecord, Double(indexSize) / 1e6)
                + written(in: out))
        try FileManager.default.removeItem(at: index)
        sync()
        let withoutIndex = try Timings(
            name: "records stats --format svg over \(count) records, no answer index (verifies every file, writes the index)",
            durations: [time(stats)])
        return Figures(cold: cold, warm: warm, withoutIndex: withoutIndex)
    }

    /// The same records in a PostgreSQL database of their own on the server of `address`
    /// (dropped afterwards), signed with a data directory's key: `records stats --database`.
    func runOnDatabase(address: String, times: Int) async throws -> Figures {
        let data = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-stats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try await WebDatabase.create(on: address)
        do {
            let figures = try await measure(on: server, data: data, times: times)
            try await server.drop()
            return figures
        } catch {
            try? await server.drop()
            throw error
        }
    }

    private func measure(on server: WebDatabase, data: URL, times: Int) async throws -> Figures {
        let key = try InstallationKey.loadOrCreate(in: data)
        let database = try await RecordDatabase.connect(try DatabaseAddress(server.address))
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try await database.migrate()
            let repository = try await PostgresRecordRepository.open(database, key: key)
            _ = try await generate { _ = try await repository.saveAll($0) }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
        let loading = clock.now - start
        let out = data.appending(path: "stats")
        let stats = [
            "records", "stats", "--format", "svg", "--out", out.path, "--data-dir", data.path, "--database", server.address,
        ]
        var cold = try Timings(
            name: "records stats --format svg --database over \(count) records in PostgreSQL, first run",
            durations: [time(stats)])
        cold.notes.append(String(format: "records signed and loaded (saveAll) in %.1f s", loading.seconds))
        var warm = try Timings(
            name: "records stats --format svg --database over \(count) records in PostgreSQL (figures in SQL)",
            durations: (0..<times).map { _ in try time(stats) })
        warm.notes.append(written(in: out))
        return Figures(cold: cold, warm: warm, withoutIndex: nil)
    }

    /// How many files `out` holds, and how many of its SVG files parse.
    private func written(in out: URL) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        let svgs = names.filter { $0.hasSuffix(".svg") }
        let wellFormed = svgs.filter { XMLParser(contentsOf: out.appending(path: $0))?.parse() == true }.count
        return "\(names.count) files written, \(wellFormed) of \(svgs.count) SVG files well-formed (XMLParser)"
    }

    static let batch = 5_000

    /// Makes `count` records with realistic answers, in batches given to `body` one by one;
    /// returns the mean number of answers.
    private func generate(_ body: ([CompletionRecord]) async throws -> Void) async throws -> Double {
        guard let marin = content.library.jurisdiction("marin") else {
            throw ValidationFailure(message: "the benchmark needs Marin's protocol in the content")
        }
        // Every vignette's questions under Marin, built once.
        var generator = SplitMix64(seed: seed)
        let banks = content.vignettes.map { content.questionBuilder.questions(for: $0, under: marin, using: &generator) }
            .filter { !$0.isEmpty }
        var answers = 0
        for start in stride(from: 0, to: count, by: Self.batch) {
            let numbers = start..<min(count, start + Self.batch)
            let made = Mutex([CompletionRecord?](repeating: nil, count: numbers.count))
            DispatchQueue.concurrentPerform(iterations: numbers.count) { offset in
                let number = numbers.lowerBound + offset
                var generator = SplitMix64(seed: seed &+ UInt64(number))
                var record = SyntheticRecords.record(number: number, session: nil, using: &generator)
                record.questions = (0..<6).flatMap { _ in
                    banks.randomElement(using: &generator)!.map { question in
                        Self.result(of: question, right: Double.random(in: 0..<1, using: &generator) < 0.85, using: &generator)
                    }
                }
                made.withLock { $0[offset] = record }
            }
            let records = made.withLock { $0 }.compactMap { $0 }
            answers += records.reduce(0) { $0 + $1.questions.count }
            try await body(records)
        }
        return Double(answers) / Double(count)
    }

    /// Signs and writes `records`' files, on every core.
    private func write(_ records: [CompletionRecord], to store: RecordStore) throws {
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: records.count) { index in
            do {
                try SignedRecord(signing: records[index], with: store.key).fileContents()
                    .write(to: store.file(for: records[index].id))
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        if failures.withLock({ $0 }) > 0 { throw ValidationFailure(message: "could not write the synthetic records") }
    }

    private static func result(of question: Question, right: Bool, using generator: inout SplitMix64) -> QuestionResult {
        let wrong = question.options.filter { $0.id != question.correctOptionID }
        let chosen = right || wrong.isEmpty ? question.correctOptionID : wrong.randomElement(using: &generator)!.id
        return QuestionResult(
            questionID: question.id, kind: question.kind.rawValue, vignette: question.vignette.id.rawValue,
            stage: question.stage + 1, chosenOption: chosen.rawValue, correctOption: question.correctOptionID.rawValue,
            points: chosen == question.correctOptionID ? 1 : 0, possiblePoints: 1)
    }

    private func time(_ arguments: [String]) throws -> Duration {
        let process = Process()
        process.executableURL = trainer
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = clock.now - start
        guard process.terminationStatus == 0 else {
            throw ValidationFailure(message: "records stats failed: \(String(decoding: message, as: UTF8.self))")
        }
        return elapsed
    }
}
