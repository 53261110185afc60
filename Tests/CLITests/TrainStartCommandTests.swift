import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// How `train` starts and resumes: the end of input at a prompt, a saved session per trainee,
/// the resume hint as the command was run, the old progress file, and a session that a killed
/// process leaves free.
extension CLISuite {
    @Suite
    struct TrainStartCommandTests {
        let data: URL

        init() throws {
            data = try Fixtures.temporaryDirectory()
        }

        /// Starts a session for `name` and answers `answers` questions (as the script gives them).
        func startSession(_ name: String, jurisdiction: String = "marin", answers: Int) async throws -> ScriptedAnswers {
            let content = try Fixtures.trainingContent()
            let script = ScriptedAnswers(
                content: content, jurisdiction: try #require(content.library.jurisdiction(jurisdiction)), count: 2, seed: 9)
            let result = try await CLIRunner.run(
                [
                    "train", "--name", name, "--jurisdiction", jurisdiction, "--count", "2", "--seed", "9", "--data-dir",
                    data.path,
                ],
                input: script.letters.prefix(answers).joined(separator: "\n") + "\n")
            #expect(result.status == 0, "\(result.error)")
            return script
        }

        @Test func theEndOfInputAtAPromptEndsWithAMessage() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(["train", "--data-dir", data.path], input: "Kim Lee\n")
            #expect(result.status == 1)
            #expect(
                result.error.contains("No session started: the input ended at “Your county (id or name):”"), "\(result.error)")
            #expect(!result.error.contains("Usage:"))
        }

        @Test func twoTraineesEachResumeTheirOwnSession() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let ana = try await startSession("Ana Ruiz", answers: 1)
            let ben = try await startSession("Ben Okafor", jurisdiction: "san-diego", answers: 1)

            let chosen = try await CLIRunner.run(
                ["train", "--resume", "--data-dir", data.path], input: "3\nben okafor\n" + ben.rest(after: 1))
            #expect(chosen.status == 0, "\(chosen.error)")
            #expect(chosen.output.contains("1. Ana Ruiz (marin), 1 answers saved"))
            #expect(chosen.output.contains("Type a number from 1 to 2"))
            #expect(chosen.output.contains("Trainee: Ben Okafor."))
            #expect(chosen.output.contains("Your completion record is saved"))

            let named = try await CLIRunner.run(
                ["train", "--resume", "--name", "Ana Ruiz", "--data-dir", data.path], input: ana.rest(after: 1))
            #expect(named.status == 0, "\(named.error)")
            #expect(!named.output.contains("Saved sessions"))
            #expect(named.output.contains("Trainee: Ana Ruiz."))
            #expect(named.output.contains("Your completion record is saved"))
        }

        @Test func theResumeHintIsTheCommandAsItWasRun() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                ["train", "--name", "Zoë O'Brien", "--jurisdiction", "marin", "--count", "2", "--data-dir", data.path],
                input: "quit\n")
            #expect(result.status == 0, "\(result.error)")
            let command = "\(CLIRunner.executable.path) train --resume --name 'Zoë O'\\''Brien' --data-dir \(data.path)"
            #expect(result.output.contains("Continue with:"))
            #expect(result.output.split(separator: "\n").contains { $0.contains("`\(command)`") }, "\(result.output)")
        }

        @Test func aSessionSavedByAnEarlierVersionResumes() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let script = try await startSession("Ana Ruiz", answers: 1)
            try FileManager.default.moveItem(
                at: data.appending(path: "progress/ana-ruiz.json"), to: data.appending(path: "in-progress.json"))
            let result = try await CLIRunner.run(["train", "--resume", "--data-dir", data.path], input: script.rest(after: 1))
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Trainee: Ana Ruiz."))
            #expect(result.output.contains("Your completion record is saved"))
        }

        /// A second process is refused while the first runs; once the first is killed (`kill -9`:
        /// no chance to clean up), the session is free again.
        @Test func aKilledSessionIsNotLeftLocked() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let script = try await startSession("Ana Ruiz", answers: 1)
            let input = Pipe()
            let output = Pipe()
            let first = Process()
            first.executableURL = CLIRunner.executable
            first.arguments = ["train", "--resume", "--name", "Ana Ruiz", "--data-dir", data.path]
            first.standardInput = input
            first.standardOutput = output
            first.standardError = FileHandle.nullDevice
            try first.run()
            defer { try? input.fileHandleForWriting.close() }
            var shown = ""
            while !shown.contains("answer> ") {
                let chunk = output.fileHandleForReading.availableData
                try #require(!chunk.isEmpty, "the first process ended: \(shown)")
                shown += String(decoding: chunk, as: UTF8.self)
            }

            let refused = try await CLIRunner.run(["train", "--resume", "--data-dir", data.path], input: "")
            #expect(refused.status == 1)
            #expect(refused.error.contains("Ana Ruiz's session is open in another csec-trainer window or process"))

            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            let resumed = try await CLIRunner.run(["train", "--resume", "--data-dir", data.path], input: script.rest(after: 1))
            #expect(resumed.status == 0, "\(resumed.error)")
            #expect(resumed.output.contains("Your completion record is saved"))
        }

        @Test func theVersionIsPrinted() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(["--version"])
            #expect(result.status == 0)
            #expect(result.output.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(result.output)")
        }
    }
}

extension ScriptedAnswers {
    /// The lines that answer every question after the first `answered`.
    func rest(after answered: Int) -> String {
        letters.dropFirst(answered).joined(separator: "\n") + "\n"
    }
}
