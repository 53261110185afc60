import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import TestSupport

/// Writes a bank of generated vignettes: random facts and stages from a seeded generator, each
/// with an `expect:` block the engine computed, so that lint has every check to run.
struct GeneratedBank {
    let library: ProtocolLibrary
    var generator: SplitMix64

    mutating func write(count: Int, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for number in 0..<count {
            let id = "generated-\(number)"
            try yaml(for: randomVignette(id: id)).write(
                to: directory.appending(path: "\(id).yaml"), atomically: false, encoding: .utf8)
        }
    }

    /// A vignette from the property tests' generator, with the engine's answers as `expect:`.
    private mutating func randomVignette(id: String) -> Vignette {
        var vignette = RandomFacts.vignette(number: 0, from: library.vocabulary, using: &generator)
        vignette.id = VignetteID(id)
        vignette.title = "Generated \(id)"
        vignette.narrative = "A generated vignette for the lint benchmark."
        for jurisdiction in library.protocols {
            let keys = library.engine.answerKeys(for: vignette, under: jurisdiction)
            vignette.expectations[jurisdiction.id] = AuthorExpectation(
                category: keys.first?.classification.category,
                nextSteps: keys.compactMap { $0.nextStep.map(ExpectedStep.init) })
        }
        return vignette
    }

    /// The vignette in the file format of docs/vignette-format.md.
    private func yaml(for vignette: Vignette) -> String {
        func list(_ values: some Sequence<some RawRepresentable<String>>) -> String {
            "[" + values.map(\.rawValue).sorted().joined(separator: ", ") + "]"
        }
        var lines = [
            "format: 1", "id: \(vignette.id)", "title: \(vignette.title)",
            "tags:", "  audience: [teacher]", "  difficulty: intermediate",
            "narrative: |", "  \(vignette.narrative)",
            "facts:", "  indicators: \(list(vignette.facts.indicators))", "  flags: \(list(vignette.facts.flags))",
            "stages:",
        ]
        for stage in vignette.stages {
            lines.append("  - done: \(list(stage.done))")
            if stage.addedFacts != Facts() {
                lines += [
                    "    add:", "      indicators: \(list(stage.addedFacts.indicators))",
                    "      flags: \(list(stage.addedFacts.flags))",
                ]
            }
        }
        lines.append("expect:")
        for (jurisdiction, expectation) in vignette.expectations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            // Every stage has a next step when a category applies, and none when it does not.
            let steps = expectation.nextSteps.map { step in
                switch step {
                case .step(let number): "\(number)"
                case .emergency: "emergency"
                case .complete: "complete"
                case .none: "none"
                }
            }
            let next = expectation.category == nil ? "" : ", next: [\(steps.joined(separator: ", "))]"
            lines.append("  \(jurisdiction): {category: \(expectation.category?.rawValue ?? "none")\(next)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
