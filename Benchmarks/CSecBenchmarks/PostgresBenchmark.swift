import Crypto
import Foundation
import PostgresStorage
import RecordStore
import Records
import ScenarioEngine
import Storage

/// Times the PostgreSQL backend in a schema of its own (dropped afterwards): concurrent record
/// writes (none lost or duplicated), the import of signed record files with its throughput,
/// and the compliance report computed in SQL over everything imported.
struct PostgresBenchmark {
    let address: String
    let writes: Int
    let imports: Int
    let seed: UInt64

    struct Figures {
        var writes: Timings
        var imported: Timings
        var report: Timings
    }

    func run(times: Int) async throws -> Figures {
        let schema = "benchmark_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let database = try await RecordDatabase.connect(try DatabaseAddress(address), schema: schema)
        do {
            let figures = try await measure(database, times: times)
            try await drop(database)
            return figures
        } catch {
            try? await drop(database)
            throw error
        }
    }

    private func drop(_ database: RecordDatabase) async throws {
        try await RecordDatabase.dropSchema(of: database)
        await database.close()
    }

    private func measure(_ database: RecordDatabase, times: Int) async throws -> Figures {
        _ = try await database.migrate()
        let source = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: source) }
        try SyntheticRecords(dataDirectory: source).write(count: imports, seed: seed)
        let schoolKey = try InstallationKey.loadOrCreate(in: source)
        let key = InstallationKey(privateKey: Curve25519.Signing.PrivateKey())
        let repository = try await PostgresRecordRepository.open(database, key: key, trusting: [schoolKey.publicKey])
        let clock = ContinuousClock()

        // 1. Concurrent writes, all at once.
        var generator = SplitMix64(seed: seed)
        let records = (0..<writes).map { SyntheticRecords.record(number: $0, session: nil, using: &generator) }
        let start = clock.now
        let newCount = try await withThrowingTaskGroup(of: Bool.self) { group in
            for record in records { group.addTask { try await repository.saveOnce(record).isNew } }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        var written = Timings(name: "\(writes) record writes to PostgreSQL at once", durations: [clock.now - start])
        let stored = try await repository.summaries()
        let ids = Set(stored.summaries.map(\.id))
        written.notes.append(
            "\(newCount) new, \(stored.summaries.count) stored, \(ids.count) distinct ids, \(stored.problems.count) problems "
                + (ids == Set(records.map { $0.id.uuidString.lowercased() }) && stored.summaries.count == writes
                    ? "(none lost or duplicated)" : "(LOST OR DUPLICATED)"))

        // 2. Import of signed files, 16 at a time.
        let files = try SignedRecordFile.files(in: RecordStore.directory(in: source))
        let importStart = clock.now
        let refused = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    var refused = 0
                    for index in stride(from: worker, to: files.count, by: 16) {
                        guard let contents = FileManager.default.contents(atPath: files[index].path),
                            (try? await repository.importSigned(contents, from: files[index].path)) != nil
                        else {
                            refused += 1
                            continue
                        }
                    }
                    return refused
                }
            }
            return try await group.reduce(0, +)
        }
        let importTime = clock.now - importStart
        var imported = Timings(name: "import of \(files.count) signed record files into PostgreSQL", durations: [importTime])
        imported.notes.append(
            String(format: "%.0f records/s, %d refused", Double(files.count) / importTime.seconds, refused))

        // 3. The compliance report in SQL over everything stored.
        let year = SchoolYear("2026-2027")!
        let asOf = CalendarDate("2027-06-30")!
        var rows = 0
        var durations: [Duration] = []
        for _ in 0..<times {
            let reportStart = clock.now
            let found = try await repository.complianceReport(for: year, asOf: asOf)
            durations.append(clock.now - reportStart)
            rows = found.report.rows.count
        }
        var report = Timings(
            name: "records report in PostgreSQL over \(writes + files.count) records", durations: durations)
        report.notes.append("\(rows) people in the report")
        return Figures(writes: written, imported: imported, report: report)
    }
}
