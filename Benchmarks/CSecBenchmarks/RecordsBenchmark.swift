import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Times `csec-trainer records report` over many records (the first run builds the summary
/// index from the files; later runs read the index) against `jq -s` counting records per
/// person over the same files.
struct RecordsBenchmark {
    let trainer: URL
    let count: Int
    let seed: UInt64
    /// Where to write the records and leave them (for profiling); default: a temporary directory.
    var keepIn: URL?

    func run(times: Int) throws -> (cold: Timings, warm: Timings, jq: Timings?) {
        let data =
            keepIn ?? FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-records-\(UUID().uuidString)")
        defer { if keepIn == nil { try? FileManager.default.removeItem(at: data) } }
        try SyntheticRecords(dataDirectory: data).write(count: count, seed: seed)
        let index = data.appending(path: "records/index.log")
        try? FileManager.default.removeItem(at: index)
        // Let the kernel write the new files out first, so that the timings below measure the
        // report, not the disk catching up with the generator.
        sync()

        let report = [
            "records", "report", "--school-year", "2026-2027", "--as-of", "2027-06-30", "--format", "csv", "--data-dir",
            data.path,
        ]
        let cold = try Timings(
            name: "records report over \(count) records, first run (no index yet: reads every file, builds the index)",
            durations: [time(trainer, report)])
        sync()
        var warm = try Timings(
            name: "records report over \(count) records (summary index)",
            durations: (0..<times).map { _ in try time(trainer, report) })
        let rows = try output(trainer, report).split(separator: "\r\n").count - 1
        warm.notes.append("\(rows) people in the report")

        guard let jq = ["/usr/bin/jq", "/usr/local/bin/jq"].first(where: FileManager.default.isExecutableFile) else {
            return (cold, warm, nil)
        }
        let records = data.appending(path: "records").path
        let script =
            "find '\(records)' -name '*.json' -print0 | xargs -0 cat | \(jq) -s "
            + "'group_by(.record.trainee.employeeID) | map({id: .[0].record.trainee.employeeID, records: length}) | length'"
        let jqTimes = try Timings(
            name: "jq -s counting records per person over the same \(count) files",
            durations: (0..<max(1, times / 2)).map { _ in try time(URL(filePath: "/bin/sh"), ["-c", script]) })
        let speedup = jqTimes.median.seconds / warm.median.seconds
        warm.notes.append(String(format: "%.1f× faster than jq -s (target: at least 5×)", speedup))
        return (cold, warm, jqTimes)
    }

    private func time(_ executable: URL, _ arguments: [String]) throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        _ = try output(executable, arguments)
        return clock.now - start
    }

    private func output(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationFailure(
                message: "\(executable.lastPathComponent) \(arguments.prefix(2).joined(separator: " ")) failed")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
