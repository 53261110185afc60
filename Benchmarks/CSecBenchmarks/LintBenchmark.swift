import ContentLoading
import Foundation
import ScenarioEngine

/// Generates a bank of vignettes once, then times what `scenarios lint` does with it: read and
/// parse every file, check every id, and compare every `expect:` block with the engine.
struct LintBenchmark {
    let library: ProtocolLibrary
    let count: Int
    let seed: UInt64

    func run(times: Int) throws -> Measurement {
        let directory = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var bank = GeneratedBank(library: library, generator: SplitMix64(seed: seed))
        try bank.write(count: count, to: directory)

        let clock = ContinuousClock()
        var durations: [Duration] = []
        var loaded = 0
        for _ in 0..<times {
            var result: ScenarioBank?
            durations.append(
                try clock.measure {
                    result = try ScenarioBank.load(from: directory, library: library, checkingExpectations: true)
                })
            if let error = result?.error { throw ValidationFailure(message: "the generated bank does not lint: \(error)") }
            loaded = result?.vignettes.count ?? 0
        }
        let stages = try FileManager.default.contentsOfDirectory(atPath: directory.path).count
        var measurement = Measurement(
            name: "Load + lint of \(loaded) generated vignettes (\(stages) files, 5 protocols, every expect: checked)",
            durations: durations)
        if let peak = peakMemoryMiB() { measurement.notes.append(String(format: "peak memory of the process: %.0f MiB", peak)) }
        return measurement
    }
}

struct ValidationFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
