import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// `export questions`: the same seed prints the same bank; a package is a new folder or a
    /// reproducible zip; a county that does not exist is refused with the valid ids.
    struct ExportQuestionsCommandTests {
        @Test func theSameSeedPrintsTheSameBankAndAnotherSeedAnother() async throws {
            let arguments = ["export", "questions", "--format", "gift", "--jurisdiction", "marin"]
            let first = try await CLIRunner.run(arguments)
            let again = try await CLIRunner.run(arguments + ["--seed", "1"])
            let other = try await CLIRunner.run(arguments + ["--seed", "2"])
            #expect(first.status == 0, "\(first.error)")
            #expect(first.output.contains("$CATEGORY: $course$/top/csec_trainer/marin"))
            #expect(first.output == again.output)
            #expect(first.output != other.output)
        }

        @Test func aQTIPackageIsWrittenIntoANewFolderOnly() async throws {
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let folder = directory.appending(path: "marin-qti")
            let arguments = ["export", "questions", "--format", "qti21", "--jurisdiction", "marin", "--out", folder.path]
            let written = try await CLIRunner.run(arguments)
            #expect(written.status == 0, "\(written.error)")
            #expect(written.output.contains("written to \(folder.path)"))
            #expect(FileManager.default.fileExists(atPath: folder.appending(path: "imsmanifest.xml").path))
            let items = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "items").path)
            #expect(!items.isEmpty)

            let again = try await CLIRunner.run(arguments)
            #expect(again.status == 1)
            #expect(again.error.contains("already holds files"))
            let noFolder = try await CLIRunner.run(["export", "questions", "--format", "qti21", "--jurisdiction", "marin"])
            #expect(noFolder.status != 0)
            #expect(noFolder.error.contains("--format qti21 writes a zip or a folder: give it with --out"))
        }

        @Test func aQTIPackageNamedZipIsOneZipWithTheSameBytesFromEveryRun() async throws {
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            func export(to name: String, seed: String = "1") async throws -> Data? {
                let zip = directory.appending(path: name)
                let result = try await CLIRunner.run(
                    ["export", "questions", "--format", "qti21", "--jurisdiction", "marin", "--seed", seed, "--out", zip.path])
                #expect(result.status == 0, "\(result.error)")
                #expect(result.output.contains("written to \(zip.path) (a zip of "))
                return FileManager.default.contents(atPath: zip.path)
            }
            let first = try await #require(try export(to: "marin-qti.zip"))
            #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip's first local file header")
            await #expect(try export(to: "again.ZIP") == first, "another process, the same bytes")
            await #expect(try export(to: "other-seed.zip", seed: "2") != first)
            await #expect(try export(to: "marin-qti.zip") == first, "an existing zip is replaced")
        }

        @Test func anUnknownCountyIsRefusedWithTheValidIds() async throws {
            let result = try await CLIRunner.run(["export", "questions", "--format", "moodle-xml", "--jurisdiction", "atlantis"])
            #expect(result.status != 0)
            #expect(result.error.contains("unknown jurisdiction 'atlantis'. Valid ids:"))
        }
    }
}
