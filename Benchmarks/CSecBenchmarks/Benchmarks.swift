import ArgumentParser
import ContentLoading
import Foundation
import ScenarioEngine

/// Prints the figures behind csec-trainer's speed targets. Build in release mode first:
///
///     swift build -c release && .build/release/csec-benchmarks
@main
struct Benchmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csec-benchmarks",
        abstract: "Measure lint speed on a generated bank and the time from launch to the first question.",
        discussion: """
            Targets: load + lint of 10,000 vignettes under 1 s; launch to first question under 50 ms \
            (release build). Build with `swift build -c release` first: the first-question benchmark \
            runs the csec-trainer binary that sits beside this one.
            """)

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
        guard vignettes > 0, runs > 0, launches > 0 else {
            throw ValidationError("--vignettes, --runs and --launches must each be at least 1.")
        }
    }

    func run() throws {
        let content = try ContentLocator.process.locate()
        let library = try content.loadLibrary()
        print("csec-trainer benchmarks (\(Self.buildMode) build, content from \(content.root.path))")

        let lint = LintBenchmark(library: library, count: vignettes, seed: seed)
        let (load, checked) = try lint.run(times: runs)
        load.report(target: nil)
        checked.report(target: .seconds(1))

        let executable =
            trainer.map { URL(filePath: $0) }
            ?? Bundle.main.executableURL!.deletingLastPathComponent()
            .appending(path: "csec-trainer")
        let launch = FirstQuestionBenchmark(trainer: executable, content: content.root)
        try launch.run(times: launches).report(target: .milliseconds(50))
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
