import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// A hundred people finishing `train` at the same moment on one computer, in one data
    /// directory: each keeps their own attempt, each process succeeds and says so, and every
    /// record verifies. The hundred processes run at the lowest priority (`nice -n 19`), so the
    /// suite's other tests, whose servers answer within deadlines, keep the processor they need.
    struct ConcurrentTraineesTests {
        static let trainees = 100

        @Test func aHundredTraineesAtOnceEachGetAVerifiedRecord() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            // The key first, as an installation has one before its staff train.
            #expect(try await CLIRunner.run(["keys", "new", "--data-dir", data.path]).status == 0)
            let answers = Data(String(repeating: "a\n", count: 60).utf8)
            let results = try await withThrowingTaskGroup(of: (Int, Int32, String).self) { group in
                for number in 1...Self.trainees {
                    group.addTask {
                        let arguments = [
                            "train", "--name", "Person \(number)", "--jurisdiction", "marin", "--length", "refresher",
                            "--skip-briefing", "--data-dir", data.path,
                        ]
                        let (status, printed) = try await Self.run(arguments, input: answers, output: data, number: number)
                        return (number, status, printed)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == Self.trainees)
            for (number, status, printed) in results.sorted(by: { $0.0 < $1.0 }) {
                #expect(status == 0, "Person \(number) exited \(status):\n\(printed)")
                #expect(!printed.contains("cannot save") && !printed.contains("Error:"), "Person \(number):\n\(printed)")
            }
            let verified = try await CLIRunner.run(["records", "verify", "--all", "--data-dir", data.path])
            #expect(verified.status == 0, "\(verified.error)")
            #expect(verified.output.contains("\(Self.trainees) of \(Self.trainees) records verified"), "\(verified.output)")
            let verifiedLines = verified.output.split(separator: "\n").filter { $0.hasPrefix("ok ") }
            // "ok  <id>  <code>  <name>, <training>, completed <date>"
            let names = Set(
                verifiedLines.compactMap { line in
                    line.split(separator: "  ").last?.split(separator: ",").first.map(String.init)
                })
            #expect(names == Set((1...Self.trainees).map { "Person \($0)" }))
        }

        /// Runs the binary without holding a thread while it works: its output goes to a file.
        static func run(_ arguments: [String], input: Data, output folder: URL, number: Int) async throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(filePath: "/usr/bin/nice")
            process.arguments = ["-n", "19", CLIRunner.executable.path] + arguments
            process.currentDirectoryURL = Fixtures.repositoryRoot
            let printedFile = folder.appending(path: "printed-\(number).txt")
            _ = FileManager.default.createFile(atPath: printedFile.path, contents: nil)
            let printed = try FileHandle(forWritingTo: printedFile)
            let stdin = Pipe()
            process.standardInput = stdin
            process.standardOutput = printed
            process.standardError = printed
            let status = try await withCheckedThrowingContinuation { (finished: CheckedContinuation<Int32, any Error>) in
                process.terminationHandler = { finished.resume(returning: $0.terminationStatus) }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    finished.resume(throwing: error)
                    return
                }
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
            try printed.close()
            return (status, String(decoding: try Data(contentsOf: printedFile), as: UTF8.self))
        }
    }
}
