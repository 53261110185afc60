import Foundation

/// Times `csec-trainer train` from launch until the first question and its prompt are on
/// standard output, on the bundled bank, with a fresh data directory each time.
struct FirstQuestionBenchmark {
    let trainer: URL
    let content: URL

    func run(times: Int) throws -> Timings {
        guard FileManager.default.isExecutableFile(atPath: trainer.path) else {
            throw ValidationFailure(
                message: "no csec-trainer at \(trainer.path); run `swift build -c release` first, or pass --trainer")
        }
        let clock = ContinuousClock()
        var durations: [Duration] = []
        for run in 0..<times {
            let data = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-data-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: data) }
            let start = clock.now
            let session = try launchUntilFirstQuestion(seed: run + 1, data: data)
            durations.append(clock.now - start)
            try session.input.fileHandleForWriting.close()  // end of input: the session saves and exits
            session.process.waitUntilExit()
        }
        return Timings(name: "Launch to first question (\(trainer.path), bundled bank)", durations: durations)
    }

    /// Starts a session and returns once its first question is printed, leaving it running.
    private func launchUntilFirstQuestion(seed: Int, data: URL) throws -> (process: Process, input: Pipe) {
        let process = Process()
        process.executableURL = trainer
        process.arguments = [
            "train", "--name", "Benchmark", "--jurisdiction", "marin", "--seed", "\(seed)", "--data-dir", data.path,
            "--content", content.path,
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !(seen.contains("Question 1 of") && seen.contains("answer>")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ValidationFailure(message: "csec-trainer exited before the first question") }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        return (process, input)
    }
}
