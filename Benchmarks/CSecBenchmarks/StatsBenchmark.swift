import ContentLoading
import Dispatch
import Foundation
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
/// option at random. The first run builds the answer index from the files; later runs read it.
struct StatsBenchmark {
    let trainer: URL
    let content: TrainingContent
    let count: Int
    let seed: UInt64
    /// Where to write the records and leave them (for profiling); default: a temporary directory.
    var keepIn: URL?

    func run(times: Int) throws -> (cold: Timings, warm: Timings) {
        let data =
            keepIn ?? FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-stats-\(UUID().uuidString)")
        defer { if keepIn == nil { try? FileManager.default.removeItem(at: data) } }
        let questionsPerRecord = try write(into: data)
        sync()
        let out = data.appending(path: "stats")
        let stats = ["records", "stats", "--format", "svg", "--out", out.path, "--data-dir", data.path]
        let cold = try Timings(
            name: "records stats --format svg over \(count) records, first run (no answer index yet: verifies every file)",
            durations: [time(stats)])
        sync()
        var warm = try Timings(
            name: "records stats --format svg over \(count) records (answer index)",
            durations: (0..<times).map { _ in try time(stats) })
        let index = data.appending(path: "records/answers.log")
        let indexSize = (try? FileManager.default.attributesOfItem(atPath: index.path)[.size] as? Int) ?? 0
        let files = (try? FileManager.default.contentsOfDirectory(atPath: out.path).count) ?? 0
        let svgs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".svg") }
        let wellFormed = svgs.filter { XMLParser(contentsOf: out.appending(path: $0))?.parse() == true }.count
        warm.notes.append(
            String(format: "%.1f answers per record; answer index %.0f MB; ", questionsPerRecord, Double(indexSize) / 1e6)
                + "\(files) files written, \(wellFormed) of \(svgs.count) SVG files well-formed (XMLParser)")
        return (cold, warm)
    }

    /// Writes `count` signed records with realistic answers; returns the mean number of answers.
    private func write(into data: URL) throws -> Double {
        let key = try InstallationKey.loadOrCreate(in: data)
        let store = RecordStore(dataDirectory: data, key: key)
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        guard let marin = content.library.jurisdiction("marin") else {
            throw ValidationFailure(message: "the benchmark needs Marin's protocol in the content")
        }
        // Every vignette's questions under Marin, built once.
        var generator = SplitMix64(seed: seed)
        let banks = content.vignettes.map { content.questionBuilder.questions(for: $0, under: marin, using: &generator) }
            .filter { !$0.isEmpty }
        let failures = Mutex(0)
        let answers = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: count) { number in
            var generator = SplitMix64(seed: seed &+ UInt64(number))
            var record = SyntheticRecords.record(number: number, session: nil, using: &generator)
            record.questions = (0..<6).flatMap { _ in
                banks.randomElement(using: &generator)!.map { question in
                    Self.result(of: question, right: Double.random(in: 0..<1, using: &generator) < 0.85, using: &generator)
                }
            }
            answers.withLock { $0 += record.questions.count }
            do {
                try SignedRecord(signing: record, with: key).fileContents().write(to: store.file(for: record.id))
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        if failures.withLock({ $0 }) > 0 { throw ValidationFailure(message: "could not write the synthetic records") }
        return Double(answers.withLock { $0 }) / Double(count)
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
