import ArgumentParser
import ContentLoading
import Foundation
import ScenarioEngine

/// Prints the figures behind csec-trainer's speed targets. Build in release mode first:
///
///     swift build -c release && .build/release/csec-benchmarks
@main
struct Benchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csec-benchmarks",
        abstract: "Measure csec-trainer's speed targets: lint, first question, records report, certificates.",
        discussion: """
            Targets (release build): load + lint of 10,000 vignettes under 1 s; launch to first \
            question under 50 ms; `records report` over 100,000 records under 1 s and at least 5× \
            faster than `jq -s` doing the same per-person count; `records stats --format svg` over \
            100,000 records under 2 s; 1,000 PDF certificates under 10 s; \
            the district server's answer to feedback, 500 trainees at once, under 100 ms (p99).
            Build with `swift build -c release` first: the benchmarks run the csec-trainer binary \
            that sits beside this one.
            """)

    enum Part: String, ExpressibleByArgument, CaseIterable {
        case lint, firstQuestion = "first-question", records, certificates, session, postgres, web, stats
    }

    @Option(
        help: ArgumentHelp(
            "The PostgreSQL server for the postgres benchmark (default: $CSEC_TRAINER_TEST_DATABASE; without one it is skipped).",
            valueName: "url"))
    var database: String?

    @Option(help: "How many record writes at once for the postgres benchmark.")
    var postgresWrites = 1_000

    @Option(help: "How many signed record files to import for the postgres benchmark.")
    var postgresImports = 100_000

    @Option(help: "How many records in all for the postgres benchmark's report (the rest signed and loaded in bulk).")
    var postgresRecords = 1_000_000

    @Option(help: "How many people on the roster, and with records, for the postgres benchmark's report.")
    var postgresStaff = 50_000

    @Option(
        help: ArgumentHelp(
            "Load the postgres benchmark's records into this schema and keep it; when it already holds them, time only the reports (for profiling).",
            valueName: "name"))
    var postgresSchema: String?

    @Option(help: "How many simulated trainees for the district server benchmark.")
    var webTrainees = 500

    @Option(help: ArgumentHelp("How long each trainee reads a question in the web benchmark, on average.", valueName: "seconds"))
    var webReading = 5.0

    @Option(help: "How many simulated participants for the group-session benchmark.")
    var participants = 2_000

    @Option(help: "How many idle connections to hold open while new devices join, in the group-session benchmark.")
    var idleConnections = 20_000

    /// The child processes of the idle-connection benchmark: hold this many connections to `toPort`.
    @Option(help: ArgumentHelp(visibility: .hidden)) var holdIdleConnections: Int?
    @Option(help: ArgumentHelp(visibility: .hidden)) var toPort: Int?

    @Option(parsing: .upToNextOption, help: "Which benchmarks to run (default: all).")
    var only: [Part] = Part.allCases

    @Option(help: "How many records for the records-report benchmark.")
    var records = 100_000

    @Option(help: ArgumentHelp("Write the benchmark's records here and keep them (for profiling).", valueName: "dir"))
    var keepRecords: String?

    @Option(help: "How many PDF certificates for the certificate benchmark.")
    var certificates = 1_000

    @Option(help: "How many vignettes to generate for the lint benchmark.")
    var vignettes = 10_000

    @Option(help: "How many times to run each measurement; the report gives the median and the best.")
    var runs = 5

    @Option(help: "How many launches of csec-trainer to time.")
    var launches = 20

    @Option(help: "The seed of the generated bank.")
    var seed: UInt64 = 2026

    @Option(help: "The csec-trainer binary to launch (default: the one beside this benchmark).")
    var trainer: String?

    func validate() throws {
        guard vignettes > 0, runs > 0, launches > 0, records > 0, certificates > 0 else {
            throw ValidationError("--vignettes, --runs, --launches, --records and --certificates must each be at least 1.")
        }
        guard webTrainees > 0, webReading >= 0 else {
            throw ValidationError("--web-trainees must be at least 1, and --web-reading 0 seconds or more.")
        }
    }

    func run() async throws {
        if let holdIdleConnections, let toPort {
            IdleConnectionsBenchmark.hold(count: holdIdleConnections, port: toPort)
            return
        }
        let content = try ContentLocator.process.locate()
        let library = try content.loadLibrary()
        print("csec-trainer benchmarks (\(Self.buildMode) build, content from \(content.root.path))")

        let executable =
            trainer.map { URL(filePath: $0) }
            ?? Bundle.main.executableURL!.deletingLastPathComponent()
            .appending(path: "csec-trainer")
        if only.contains(.lint) {
            let (load, checked) = try LintBenchmark(library: library, count: vignettes, seed: seed).run(times: runs)
            load.report(target: nil)
            checked.report(target: .seconds(1))
        }
        if only.contains(.firstQuestion) {
            try FirstQuestionBenchmark(trainer: executable, content: content.root).run(times: launches)
                .report(target: .milliseconds(50))
        }
        if only.contains(.records) {
            let (cold, warm, jq) = try RecordsBenchmark(
                trainer: executable, count: records, seed: seed, keepIn: keepRecords.map { URL(filePath: $0) }
            ).run(times: runs)
            cold.report(target: nil)
            warm.report(target: .seconds(1))
            jq?.report(target: nil)
            if jq == nil { print("  (jq is not installed: no comparison; apt-get install jq)") }
        }
        if only.contains(.stats) {
            let stats = StatsBenchmark(
                trainer: executable, content: try content.loadTrainingContent(), count: records, seed: seed,
                keepIn: keepRecords.map { URL(filePath: $0) })
            let files = try await stats.run(times: runs)
            files.cold.report(target: .seconds(2))
            files.warm.report(target: .seconds(2))
            files.withoutIndex?.report(target: nil)
            if let address = database ?? ProcessInfo.processInfo.environment["CSEC_TRAINER_TEST_DATABASE"] {
                let sql = try await stats.runOnDatabase(address: address, times: runs)
                sql.cold.report(target: .seconds(2))
                sql.warm.report(target: .seconds(2))
            } else {
                print("\nrecords stats on PostgreSQL: skipped (give --database postgres://… or set CSEC_TRAINER_TEST_DATABASE)")
            }
        }
        if only.contains(.certificates) {
            try CertificateBenchmark(trainer: executable, count: certificates, seed: seed).run(times: max(1, runs / 2))
                .report(target: .seconds(10))
        }
        if only.contains(.session) {
            let figures = try await SessionLoadBenchmark(trainer: executable, participants: participants).run()
            let sorted = figures.acknowledgements.sorted()
            let percentile = { (share: Double) in
                sorted.isEmpty ? Duration.zero : sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))]
            }
            print("")
            print("Group session: \(participants) participants over loopback WebSockets answer one question within one second")
            print(
                "  answer acknowledged: p50 \(Timings.format(percentile(0.5))), p99 \(Timings.format(percentile(0.99))) (target p99 under 50 ms)"
            )
            print("  reveal reached every participant in \(Timings.format(figures.revealToAll)) (target under 200 ms)")
            if let peak = figures.peakMemoryMiB {
                print(String(format: "  server peak memory: %.0f MiB (target under 300 MB)", peak))
            }
            let idle = try await IdleConnectionsBenchmark(
                trainer: executable, benchmarks: Bundle.main.executableURL!, idle: idleConnections, capacity: participants
            ).run(devices: 5)
            let joins = idle.joins.sorted()
            print("")
            print(
                "Group session: \(idle.opened) idle connections held open (no request sent; opened in "
                    + "\(Timings.format(idle.openingTime))), then 5 new devices one by one")
            print(
                "  page loaded and joined: median \(Timings.format(joins[joins.count / 2])), worst \(Timings.format(joins.last ?? .zero)) "
                    + "(target under 1 s) — \((joins.last ?? .zero) < .seconds(1) ? "meets" : "MISSES") it"
            )
            print(
                "  the server had closed \(idle.closedByServer) of the idle connections (its cap, oldest first, and its timeouts)"
            )
        }
        if only.contains(.postgres) {
            if let address = database ?? ProcessInfo.processInfo.environment["CSEC_TRAINER_TEST_DATABASE"] {
                let figures = try await PostgresBenchmark(
                    address: address, writes: postgresWrites, imports: postgresImports, reportRecords: postgresRecords,
                    staff: postgresStaff, seed: seed, keptSchema: postgresSchema
                ).run(times: runs)
                if let loading = figures.loading {
                    loading.writes.report(target: nil)
                    loading.imported.report(target: nil)
                    loading.loaded.report(target: nil)
                } else {
                    print("\nPostgreSQL: the records were loaded before, in schema \(postgresSchema ?? "")")
                }
                figures.firstReport.report(target: nil)
                figures.report.report(target: .seconds(2))
                figures.rosterReport.report(target: .seconds(2))
            } else {
                print("\nPostgreSQL: skipped (give --database postgres://… or set CSEC_TRAINER_TEST_DATABASE)")
            }
        }
        if only.contains(.web) {
            let web = WebBenchmark(
                trainer: executable, content: content.root, trainees: webTrainees, meanReading: .seconds(webReading), seed: seed)
            try await web.run(databaseAddress: nil).report(meanReading: .seconds(webReading))
            if let address = database ?? ProcessInfo.processInfo.environment["CSEC_TRAINER_TEST_DATABASE"] {
                try await web.run(databaseAddress: address).report(meanReading: .seconds(webReading))
            } else {
                print("\nDistrict server on PostgreSQL: skipped (give --database postgres://… or set CSEC_TRAINER_TEST_DATABASE)")
            }
        }
        print("\nmachine: \(ProcessInfo.processInfo.activeProcessorCount) cores")
    }

    static var buildMode: String {
        #if DEBUG
            "debug (figures are not the release figures)"
        #else
            "release"
        #endif
    }
}
