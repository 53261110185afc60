import Crypto
import Foundation
import PostgresStorage
import RecordStore
import Records
import ScenarioEngine
import Storage

/// Times the PostgreSQL backend in a schema of its own (dropped afterwards): concurrent record
/// writes (none lost or duplicated), the import of signed record files with its throughput,
/// and the compliance report computed in SQL over `reportRecords` records (more are signed and
/// loaded in bulk after the import) with `staff` people on the roster.
struct PostgresBenchmark {
    let address: String
    let writes: Int
    let imports: Int
    let reportRecords: Int
    let staff: Int
    let seed: UInt64

    struct Figures {
        var writes: Timings
        var imported: Timings
        var loaded: Timings
        var report: Timings
        var rosterReport: Timings
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

        // 3. More records, signed on every core and loaded in statements of a thousand rows,
        // for `staff` people (the first of them those of the import), and the roster.
        let loadStart = clock.now
        let more = max(0, reportRecords - writes - files.count)
        let loadedCount = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var loaded = 0
                    for chunk in stride(from: worker * 10_000, to: more, by: 40_000) {
                        let records = (chunk..<min(chunk + 10_000, more)).map { number in
                            var generator = SplitMix64(seed: seed &+ 1_000_000_007 &+ UInt64(number))
                            var record = SyntheticRecords.record(number: number, session: nil, using: &generator)
                            record.trainee = Self.member(number % staff).trainee
                            return record
                        }
                        loaded += try await repository.saveAll(records)
                    }
                    return loaded
                }
            }
            return try await group.reduce(0, +)
        }
        var loaded = Timings(name: "\(more) more records signed and loaded in bulk", durations: [clock.now - loadStart])
        loaded.notes.append(
            String(format: "%.0f records/s, %d stored", Double(loadedCount) / (clock.now - loadStart).seconds, loadedCount))
        let vacuumStart = clock.now
        try await database.vacuumRecords()
        loaded.notes.append(
            "then VACUUM (ANALYZE), as autovacuum does later on its own: \(Timings.format(clock.now - vacuumStart))")
        let rosters = try await PostgresRosterRepository.open(database)
        _ = try await rosters.importRoster((0..<staff).map { Self.member($0).staff }, scope: .wholeRoster)
        let roster = try await rosters.roster()

        // 4. The compliance report in SQL over everything stored, without and with the roster.
        let total = writes + files.count + loadedCount
        let year = SchoolYear("2026-2027")!
        let asOf = CalendarDate("2027-06-30")!
        var figures: [Timings] = []
        for withRoster in [false, true] {
            var rows = 0
            var problems = 0
            var durations: [Duration] = []
            for _ in 0..<times {
                let reportStart = clock.now
                let found = try await repository.complianceReport(
                    for: year, asOf: asOf, roster: withRoster ? roster : nil)
                durations.append(clock.now - reportStart)
                rows = found.report.rows.count
                problems = found.problems.count
            }
            var report = Timings(
                name: "records report in PostgreSQL over \(total) records"
                    + (withRoster ? " with \(roster?.staff.count ?? 0) people on the roster" : ""),
                durations: durations)
            report.notes.append("\(rows) people in the report, \(problems) problems")
            figures.append(report)
        }
        return Figures(writes: written, imported: imported, loaded: loaded, report: figures[0], rosterReport: figures[1])
    }

    /// Person `number` of the synthetic records, as a record names them and as the roster does.
    private static func member(_ number: Int) -> (trainee: Trainee, staff: StaffMember) {
        let names = ["José Núñez", "Nguyễn Thị Minh", "Zoë Łukasiewicz-O'Brien", "Ana Ruiz", "Kim Lee", "Sam Okafor"]
        let name = "\(names[number % names.count]) \(number)"
        return (
            Trainee(
                name: name, employeeID: "E-\(number)", school: "School \(number % 40)", district: "Benchmark Unified",
                role: "teacher"),
            StaffMember(
                employeeID: "E-\(number)", name: name, school: "School \(number % 40)", district: "Benchmark Unified",
                role: "teacher")
        )
    }
}
