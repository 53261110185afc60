import Foundation

/// Times `csec-trainer certificate --session` writing one PDF certificate per attendee of a
/// group session (each record verified, then rendered and written).
struct CertificateBenchmark {
    let trainer: URL
    let count: Int
    let seed: UInt64

    func run(times: Int) throws -> Timings {
        let data = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-certificates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try SyntheticRecords(dataDirectory: data).write(count: count, seed: seed, session: "BENCH")
        let clock = ContinuousClock()
        var durations: [Duration] = []
        var bytes = 0
        for run in 0..<times {
            let out = data.appending(path: "certificates-\(run)")
            let process = Process()
            process.executableURL = trainer
            process.arguments = ["certificate", "--session", "BENCH", "--out", out.path, "--data-dir", data.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = clock.now
            try process.run()
            process.waitUntilExit()
            durations.append(clock.now - start)
            guard process.terminationStatus == 0 else { throw ValidationFailure(message: "certificate --session failed") }
            let files = try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: [.fileSizeKey])
            guard files.count == count else { throw ValidationFailure(message: "\(files.count) certificates, not \(count)") }
            bytes = try files.reduce(0) { $0 + (try $1.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) }
            try FileManager.default.removeItem(at: out)
        }
        var timings = Timings(
            name: "certificate --session: \(count) PDF certificates (verify, render, write)", durations: durations)
        timings.notes.append("\(bytes / max(count, 1) / 1024) KB per certificate")
        return timings
    }
}
