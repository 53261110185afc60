import AsyncHTTPClient
import Foundation
import NIOCore
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `csec-trainer serve` as its own process on a fresh data directory (and, for PostgreSQL,
/// a database of its own, dropped afterwards), with `trainees` people on its roster signed in
/// by the invitation links `serve invite` issued, each a simulated trainee (``WebTrainee``) over
/// loopback HTTP taking the whole self-paced attempt. Times every answer's POST until its
/// feedback page has arrived, reads the server's peak resident memory, and checks every answer
/// sent against the records the server stored.
struct WebBenchmark {
    let trainer: URL
    let content: URL
    let trainees: Int
    let meanReading: Duration
    let seed: UInt64

    struct Figures {
        var store: String
        var trainees: Int
        var counts: WebLoadState.Counts
        var answersSent: Int
        var answersStored: Int
        var records: Int
        var serverLog: WebRequestLog
        var peakMemoryMiB: Double?
        /// The CPU time the server used, and this process (the trainees) from the first sign-in to
        /// the end.
        var cpuSeconds: (server: Double?, trainees: Double?)
        var stoppedCleanly: Bool
        /// From the first round's start until the last trainee finished.
        var elapsed: Duration
        var loadAverage: (start: String, end: String)
    }

    /// On the embedded store (signed files in the data directory), or on a database of its own on
    /// the PostgreSQL server of `databaseAddress`.
    func run(databaseAddress: String?) async throws -> Figures {
        let folder = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let databaseAddress else { return try await measure(in: folder, database: nil) }
        let database = try await WebDatabase.create(on: databaseAddress)
        do {
            let figures = try await measure(in: folder, database: database.address)
            try await database.drop()
            return figures
        } catch {
            try? await database.drop()
            throw error
        }
    }

    private func measure(in folder: URL, database: String?) async throws -> Figures {
        let commands = WebTrainerCommands(
            trainer: trainer, data: folder.appending(path: "data"), content: content, database: database)
        if database != nil { try commands.run(["database", "migrate"], dataDirectory: false) }
        let roster = folder.appending(path: "staff.csv")
        try Data(Self.staffList(trainees).utf8).write(to: roster)
        try commands.run(["staff", "import", roster.path])
        let port = try OpenIDProviderMock.freePort()
        let origin = "http://127.0.0.1:\(port)"
        let invitations = folder.appending(path: "invitations")
        try commands.run(["serve", "invite", "--out", invitations.path, "--public-url", origin])
        let links = try Self.links(in: invitations.appending(path: "invitations.csv"))
        guard links.count == trainees else {
            throw ValidationFailure(message: "serve invite issued \(links.count) links for \(trainees) people")
        }

        LoopbackSocket.raiseOpenFileLimit()
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        configuration.connectionPool = .init(
            idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: trainees + 16)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let log = folder.appending(path: "serve.log")
        let server: Process
        do {
            server = try await commands.serve(port: port, log: log, client: client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        let state = WebLoadState()
        let clock = ContinuousClock()
        // This process ran the other store's trainees too: only what these use is theirs.
        let traineesBefore = Self.cpuSeconds(of: nil)
        let (sent, loadAtStart, started) = await attend(links, client: client, origin: origin, state: state, clock: clock)
        let elapsed = clock.now - started
        let loadAtEnd = Self.loadAverage()
        let peak = peakMemoryMiB(of: server.processIdentifier)
        let traineesCPU = Self.cpuSeconds(of: nil).flatMap { now in traineesBefore.map { now - $0 } }
        let cpu = (Self.cpuSeconds(of: server.processIdentifier), traineesCPU)
        let stoppedCleanly = WebTrainerCommands.stop(server)
        try await client.shutdown()

        let exported = folder.appending(path: "export")
        try commands.run(["records", "export", "--out", exported.path])
        let stored = try WebStoredAnswers(exportedTo: exported)
        return Figures(
            store: database == nil ? "the embedded store (signed files)" : "PostgreSQL", trainees: trainees,
            counts: state.snapshot, answersSent: sent.values.map(\.count).reduce(0, +), answersStored: stored.matching(sent),
            records: stored.records, serverLog: WebRequestLog(contentsOf: log), peakMemoryMiB: peak, cpuSeconds: cpu,
            stoppedCleanly: stoppedCleanly, elapsed: elapsed, loadAverage: (loadAtStart, loadAtEnd))
    }

    /// The trainees, a task each, arriving 10 ms apart; once all have their first question (or
    /// failed), the first round starts. Returns the answers each sent, by employee id, the load
    /// average as the first round started, and when it did.
    private func attend(
        _ links: [String: String], client: HTTPClient, origin: String, state: WebLoadState, clock: ContinuousClock
    ) async -> (sent: [String: [String: String]], loadAverage: String, started: ContinuousClock.Instant) {
        let pace = WebPace(trainees: trainees, meanReading: meanReading)
        let (trainees, seed) = (trainees, seed)
        let room = Task {
            await withTaskGroup(of: (String, [String: String])?.self) { group in
                for number in 0..<trainees {
                    let employee = Self.employeeID(number)
                    let trainee = WebTrainee(
                        number: number, link: links[employee] ?? "", browser: WebBrowser(client: client, origin: origin),
                        pace: pace, state: state)
                    group.addTask {
                        try? await Task.sleep(for: .milliseconds(10 * number))
                        do {
                            return (employee, try await trainee.run(seed: seed))
                        } catch {
                            state.update { $0.failed.append("\(error)") }
                            return nil
                        }
                    }
                }
                var sent: [String: [String: String]] = [:]
                for await case let (employee, answers)? in group { sent[employee] = answers }
                return sent
            }
        }
        let deadline = clock.now + .seconds(600)
        while clock.now < deadline {
            let counts = state.snapshot
            if counts.atFirstQuestion + counts.failed.count >= trainees { break }
            try? await Task.sleep(for: .milliseconds(10))
        }
        let loadAverage = Self.loadAverage()
        let started = clock.now + .milliseconds(20)
        state.update { $0.firstRoundStart = started }
        return (await room.value, loadAverage, started)
    }

    /// The roster: `count` people at 20 schools, names from several scripts.
    static func staffList(_ count: Int) -> String {
        let names = ["José Núñez", "Nguyễn Thị Minh", "Zoë Łukasiewicz-O'Brien", "Ana Ruiz", "Kim Lee", "Sam Okafor"]
        return "Employee ID,Name,School,Role\n"
            + (0..<count).map { "\(employeeID($0)),\(names[$0 % names.count]) \($0 + 1),School \($0 % 20 + 1),teacher\n" }
            .joined()
    }

    static func employeeID(_ number: Int) -> String { "E-W\(number + 1)" }

    /// Each person's sign-in link in `serve invite`'s invitations.csv, by employee id.
    static func links(in csv: URL) throws -> [String: String] {
        var links: [String: String] = [:]
        for line in try String(contentsOf: csv, encoding: .utf8).split(whereSeparator: \.isNewline) {
            guard let employee = line.firstMatch(of: /,(E-W\d+),/)?.output.1,
                let link = line.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]+/)?.output
            else { continue }
            links[String(employee)] = String(link)
        }
        return links
    }

    /// The CPU time (user and system) a process has used so far (this one's by default), or nil
    /// where /proc is missing.
    static func cpuSeconds(of process: Int32?) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.map(String.init) ?? "self")/stat", encoding: .utf8),
            let afterName = stat.lastIndex(of: ")")
        else { return nil }
        // After the name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The machine's load averages over 1, 5 and 15 minutes, as `uptime` prints them.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: ", ")
    }
}
