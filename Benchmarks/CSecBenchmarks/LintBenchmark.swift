import ContentLoading
import Foundation
import ScenarioEngine

/// Generates a bank of vignettes once, then times what `scenarios lint` does with it: read and
/// parse every file, check every id, and compare every `expect:` block with the engine.
struct LintBenchmark {
    let library: ProtocolLibrary
    let count: Int
    let seed: UInt64

    /// Times loading alone (parse, decode, check ids) and loading with the lint's
    /// expectation checks, on the same generated files.
    func run(times: Int) throws -> (load: Timings, lint: Timings) {
        let directory = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var bank = GeneratedBank(library: library, generator: SplitMix64(seed: seed))
        try bank.write(count: count, to: directory)

        let load = try measure(directory, times: times, checkingExpectations: false)
        var lint = try measure(directory, times: times, checkingExpectations: true)
        if let peak = peakMemoryMiB() { lint.notes.append(String(format: "peak memory of the process: %.0f MiB", peak)) }
        return (load, lint)
    }

    private func measure(_ directory: URL, times: Int, checkingExpectations: Bool) throws -> Timings {
        let clock = ContinuousClock()
        var durations: [Duration] = []
        var loaded = 0
        for _ in 0..<times {
            var result: ScenarioBank?
            durations.append(
                try clock.measure {
                    result = try ScenarioBank.load(
                        from: directory, library: library, checkingExpectations: checkingExpectations)
                })
            if let error = result?.error { throw ValidationFailure(message: "the generated bank does not load: \(error)") }
            loaded = result?.vignettes.count ?? 0
        }
        let what =
            checkingExpectations
            ? "Load + lint of \(loaded) generated vignettes (5 protocols, every expect: checked against the engine)"
            : "Load only (read, parse, decode, check ids) of the same \(loaded) vignettes"
        return Timings(name: what, durations: durations)
    }
}

struct ValidationFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
