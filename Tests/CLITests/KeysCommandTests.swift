import ContentLoading
import Foundation
import ProtocolEngine
import RecordStore
import TestSupport
import Testing

extension CLISuite {
    /// The installation key is pinned: with records stored, a lost key stops every command until
    /// it is restored or replaced on purpose with `keys new --replace-lost-key`, which is recorded.
    @Suite
    struct KeysCommandTests {
        /// Trains one vignette to the end in `data`, which leaves a signed record.
        static func finishSession(in data: URL, name: String = "Ana Ruiz") async throws -> Program.Result {
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 1, seed: 3)
            return try await CLIRunner.run(
                ["train", "--name", name, "--jurisdiction", "marin", "--count", "1", "--seed", "3", "--data-dir", data.path],
                input: script.letters.joined(separator: "\n") + "\n")
        }

        @Test func aLostKeyStopsEveryCommandUntilANewOneIsStartedOnPurpose() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let first = try await Self.finishSession(in: data)
            #expect(first.status == 0, "\(first.error)")
            let keyFile = InstallationKey.file(in: data)
            let lostKeyID = try await CLIRunner.run(["keys", "export", "--format", "jwk", "--data-dir", data.path]).output
            try FileManager.default.removeItem(at: keyFile)

            for arguments in [["keys", "export"], ["records", "list"], ["keys", "new"]] {
                let refused = try await CLIRunner.run(arguments + ["--data-dir", data.path])
                #expect(refused.status != 0, "\(arguments)")
                #expect(refused.error.contains("\(keyFile.path): error: the installation key is missing"), "\(refused.error)")
                #expect(refused.error.contains("`csec-trainer keys new --replace-lost-key --data-dir \(data.path)`."))
                #expect(!FileManager.default.fileExists(atPath: keyFile.path), "\(arguments) made a key silently")
            }
            let again = try await Self.finishSession(in: data, name: "Ben Okafor")
            #expect(again.status != 0)
            #expect(again.error.contains("the installation key is missing"), "\(again.error)")

            let replaced = try await CLIRunner.run(["keys", "new", "--replace-lost-key", "--data-dir", data.path])
            #expect(replaced.status == 0, "\(replaced.error)")
            let history = KeyHistory(dataDirectory: data)
            #expect(replaced.output.contains("Recorded in \(history.file.path)"), "\(replaced.output)")
            let entries = history.entries()
            #expect(entries.map(\.event) == [.created, .replacedLostKey])
            let change = try #require(entries.last)
            #expect(change.recordCount == 1)
            #expect(change.earlierKeyIDs == [entries[0].keyID])
            #expect(lostKeyID.contains(entries[0].keyID))
            #expect(
                try await CLIRunner.run(["keys", "export", "--format", "jwk", "--data-dir", data.path]).output.contains(
                    change.keyID))
            await #expect(try Self.finishSession(in: data, name: "Ben Okafor").status == 0)
        }

        @Test func aKeyInPlaceIsNotReplaced() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            #expect(try await CLIRunner.run(["keys", "export", "--data-dir", data.path]).status == 0)
            let refused = try await CLIRunner.run(["keys", "new", "--replace-lost-key", "--data-dir", data.path])
            #expect(refused.status != 0)
            #expect(refused.error.contains("is in place, so no new key was made."), "\(refused.error)")
        }

        @Test func aKeyFileWhosePartsDoNotMatchIsRefused() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            #expect(try await CLIRunner.run(["keys", "export", "--data-dir", data.path]).status == 0)
            let keyFile = InstallationKey.file(in: data)
            let other = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: other) }
            #expect(try await CLIRunner.run(["keys", "export", "--data-dir", other.path]).status == 0)
            var mine = try JSONSerialization.jsonObject(with: Data(contentsOf: keyFile)) as? [String: String] ?? [:]
            let theirs =
                try JSONSerialization.jsonObject(with: Data(contentsOf: InstallationKey.file(in: other))) as? [String: String]
            mine["publicKey"] = theirs?["publicKey"]
            try JSONSerialization.data(withJSONObject: mine).write(to: keyFile)

            let refused = try await CLIRunner.run(["keys", "export", "--data-dir", data.path])
            #expect(refused.status != 0)
            #expect(refused.error.contains("\(keyFile.path): error: "), "\(refused.error)")
            #expect(refused.error.contains("does not match the public key"), "\(refused.error)")
        }

        @Test func aKeyPathThatIsADirectoryIsNamedSo() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let keyFile = InstallationKey.file(in: data)
            try FileManager.default.createDirectory(at: keyFile, withIntermediateDirectories: true)
            let refused = try await CLIRunner.run(["keys", "export", "--data-dir", data.path])
            #expect(refused.status != 0)
            #expect(refused.error.contains("\(keyFile.path): error: "), "\(refused.error)")
            #expect(refused.error.contains("but it is a directory."), "\(refused.error)")
        }
    }
}
