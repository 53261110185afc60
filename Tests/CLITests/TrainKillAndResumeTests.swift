import Foundation
import ScenarioEngine
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension CLISuite {
    /// `train` killed (SIGKILL) at random moments, or the moment a verdict is on the screen,
    /// again and again, then resumed: every answer the
    /// trainee saw judged ("Correct." / "Not quite.") is in the saved progress when the process
    /// dies, and in the finished attempt's record with the same verdict; no temporary file of a
    /// save cut short survives the next start.
    struct TrainKillAndResumeTests {
        static let kills = 100

        @Test func answersSeenJudgedSurviveAHundredKills() async throws {
            let seed = UInt64.random(in: 0...UInt64(UInt32.max))
            var random = SplitMix64(seed: seed)
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            var (kills, trainees) = (0, 0)
            while kills < Self.kills {
                trainees += 1
                kills += try await Self.trainUntilFinished(
                    "Trainee \(trainees)", data: data, killsLeft: Self.kills - kills, random: &random, seed: seed)
            }
            let progress = data.appending(path: "progress")
            let left = try FileManager.default.contentsOfDirectory(atPath: progress.path)
            #expect(left.allSatisfy { !$0.hasSuffix(".tmp") && !$0.hasPrefix(".dat.nosync") }, "seed \(seed): \(left)")
        }

        /// One attempt: processes killed after a random few answers and a random wait, until the
        /// attempt finishes (or no kills are left, when it is answered to the end). Returns the kills.
        static func trainUntilFinished(
            _ trainee: String, data: URL, killsLeft: Int, random: inout SplitMix64, seed: UInt64
        ) async throws -> Int {
            var verdicts: [Int: Bool] = [:]  // answer number (from 0) → shown correct
            var kills = 0
            while true {
                let resumedFrom = try savedAnswers(of: trainee, in: data)?.count
                var arguments = ["train", "--name", trainee, "--skip-briefing", "--data-dir", data.path]
                arguments += resumedFrom == nil ? ["--jurisdiction", "marin", "--length", "course"] : ["--resume"]
                let process = Process()
                process.executableURL = CLIRunner.executable
                process.arguments = arguments
                process.currentDirectoryURL = Fixtures.repositoryRoot
                let (input, output) = (Pipe(), Pipe())
                process.standardInput = input
                process.standardOutput = output
                process.standardError = output
                try process.run()
                let kill = kills < killsLeft
                let typed = kill ? Int.random(in: 1...4, using: &random) : 40
                let answers = (0..<typed).map { _ in ["a", "b", "c", "d"].randomElement(using: &random)! + "\n" }
                input.fileHandleForWriting.write(Data(answers.joined().utf8))
                var screen = Data()
                if kill, Bool.random(using: &random) {
                    // The moment an answer's verdict is on the screen: it must be saved already.
                    let shown = Int.random(in: 1...typed, using: &random)
                    while Self.verdicts(on: screen).count < shown {
                        let more = output.fileHandleForReading.availableData
                        if more.isEmpty { break }
                        screen += more
                    }
                    Glibc.kill(process.processIdentifier, SIGKILL)
                } else if kill {
                    try await Task.sleep(for: .milliseconds(Int.random(in: 0...250, using: &random)))
                    Glibc.kill(process.processIdentifier, SIGKILL)
                } else {
                    try input.fileHandleForWriting.close()
                }
                screen += output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                try? input.fileHandleForWriting.close()
                let printed = String(decoding: screen, as: UTF8.self)
                let judged = Self.verdicts(on: screen)
                let base = resumedFrom ?? 0
                for (offset, correct) in judged.enumerated() { verdicts[base + offset] = correct }
                if let record = try record(of: trainee, in: data) {
                    // Finished: the record holds every answer, each as it was judged on screen.
                    for (number, correct) in verdicts.sorted(by: { $0.key < $1.key }) {
                        #expect(
                            number < record.count && record[number] == correct,
                            "seed \(seed), \(trainee): answer \(number + 1) was shown \(correct ? "correct" : "wrong")")
                    }
                    return kills
                }
                if kill {
                    kills += 1
                    let saved = try savedAnswers(of: trainee, in: data)?.count ?? 0
                    #expect(
                        saved >= base + judged.count,
                        "seed \(seed), \(trainee): \(base + judged.count) answers shown judged, \(saved) saved")
                } else {
                    Issue.record("seed \(seed), \(trainee): answered to the end but no record:\n\(printed)")
                    return kills
                }
            }
        }

        /// The verdicts shown on `screen`, in order: true for "Correct.", false for "Not quite.".
        static func verdicts(on screen: Data) -> [Bool] {
            String(decoding: screen, as: UTF8.self).components(separatedBy: "\n").compactMap { line in
                line.hasPrefix("Correct.") ? true : line.hasPrefix("Not quite.") ? false : nil
            }
        }

        /// The answers saved in `trainee`'s progress file, or nil when there is none.
        static func savedAnswers(of trainee: String, in data: URL) throws -> [Any]? {
            let file = data.appending(path: "progress/\(trainee.lowercased().replacingOccurrences(of: " ", with: "-")).json")
            guard let contents = FileManager.default.contents(atPath: file.path) else { return nil }
            let progress = try #require(try JSONSerialization.jsonObject(with: contents) as? [String: Any])
            return try #require(progress["answers"] as? [Any])
        }

        /// Whether each answer of `trainee`'s record was correct, in order; nil when there is no
        /// record yet.
        static func record(of trainee: String, in data: URL) throws -> [Bool]? {
            let folder = data.appending(path: "records")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where name.hasSuffix(".json") {
                let contents = try #require(FileManager.default.contents(atPath: folder.appending(path: name).path))
                let file = try #require(try JSONSerialization.jsonObject(with: contents) as? [String: Any])
                let record = try #require(file["record"] as? [String: Any])
                let person = try #require(record["trainee"] as? [String: Any])
                guard person["name"] as? String == trainee else { continue }
                let questions = try #require(record["questions"] as? [[String: Any]])
                return questions.map { ($0["chosenOption"] as? String) == ($0["correctOption"] as? String) }
            }
            return nil
        }
    }
}
