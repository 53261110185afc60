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

    /// The schema to load the records into and keep (for profiling): when it already holds
    /// them, only the reports are timed. Nil: a schema of its own, dropped afterwards.
    let keptSchema: String?

    struct Figures {
        /// Nil when a kept schema already held the records.
        var loading: Loading?
        /// The first report over the records: it hashes the signed file of every row it rests on
        /// (rows written since the last report), and records them as checked.
        var firstReport: Timings
        var report: Timings
        var rosterReport: Timings
    }

    struct Loading {
        var writes: Timings
        var imported: Timings
        var loaded: Timings
    }

    func run(times: Int) async throws -> Figures {
        let schema =
            keptSchema ?? "benchmark_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let database = try await RecordDatabase.connect(try DatabaseAddress(address), schema: schema)
        let folder = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-\(schema)")
        defer { if keptSchema == nil { try? FileManager.default.removeItem(at: folder) } }
        do {
            let figures = try await measure(database, keys: folder, times: times)
            if keptSchema == nil { try await drop(database) } else { await database.close() }
            return figures
        } catch {
            if keptSchema == nil { try? await drop(database) } else { await database.close() }
            throw error
        }
    }

    private func drop(_ database: RecordDatabase) async throws {
        try await RecordDatabase.dropSchema(of: database)
        await database.close()
    }

    /// Loads the records unless the schema holds them, then times the reports. The installation's
    /// key and the imported "school"'s are kept in `keys`, so that a kept schema's rows verify
    /// when it is reused.
    private func measure(_ database: RecordDatabase, keys: URL, times: Int) async throws -> Figures {
        _ = try await database.migrate()
        let key = try InstallationKey.loadOrCreate(in: keys.appending(path: "installation"))
        let school = keys.appending(path: "school")
        let loading: Loading? =
            try await database.recordRows() == 0 ? try await load(database, key: key, school: school) : nil
        let repository = try await PostgresRecordRepository.open(
            database, key: key, trusting: [try InstallationKey.loadOrCreate(in: school).publicKey])
        let roster = try await PostgresRosterRepository.open(database).roster()
        let records = try await database.recordRows()
        let clock = ContinuousClock()
        let firstStart = clock.now
        let first = try await repository.complianceReport(
            for: Self.year, asOf: Self.asOf, roster: roster)
        var firstReport = Timings(
            name: "first records report in PostgreSQL over \(records) records"
                + (loading == nil ? " (the schema was reported on before)" : ", hashing every signed file it rests on once"),
            durations: [clock.now - firstStart])
        firstReport.notes.append("\(first.report.rows.count) people in the report, \(first.problems.count) problems")
        let reports = try await timeReports(repository, records: records, roster: roster, times: times)
        return Figures(loading: loading, firstReport: firstReport, report: reports[0], rosterReport: reports[1])
    }

    /// Writes, imports and loads the records (signing the imported files in `school`) and the roster.
    private func load(_ database: RecordDatabase, key: InstallationKey, school: URL) async throws -> Loading {
        try? FileManager.default.removeItem(at: school)
        defer { try? FileManager.default.removeItem(at: RecordStore.directory(in: school)) }
        try SyntheticRecords(dataDirectory: school).write(count: imports, seed: seed)
        let schoolKey = try InstallationKey.loadOrCreate(in: school)
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
        let files = try SignedRecordFile.files(in: RecordStore.directory(in: school))
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
        return Loading(writes: written, imported: imported, loaded: loaded)
    }

    /// 4. The compliance report in SQL over everything stored, without and with the roster.
    private func timeReports(
        _ repository: PostgresRecordRepository, records: Int, roster: StaffRoster?, times: Int
    ) async throws
        -> [Timings]
    {
        let clock = ContinuousClock()
        var figures: [Timings] = []
        for withRoster in [false, true] {
            var rows = 0
            var problems = 0
            var durations: [Duration] = []
            for _ in 0..<times {
                let reportStart = clock.now
                let found = try await repository.complianceReport(
                    for: Self.year, asOf: Self.asOf, roster: withRoster ? roster : nil)
                durations.append(clock.now - reportStart)
                rows = found.report.rows.count
                problems = found.problems.count
            }
            var report = Timings(
                name: "records report in PostgreSQL over \(records) records"
                    + (withRoster ? " with \(roster?.staff.count ?? 0) people on the roster" : ""),
                durations: durations)
            report.notes.append("\(rows) people in the report, \(problems) problems")
            figures.append(report)
        }
        return figures
    }

    static let year = SchoolYear("2026-2027")!
    static let asOf = CalendarDate("2027-06-30")!

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
