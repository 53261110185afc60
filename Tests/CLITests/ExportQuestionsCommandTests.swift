import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// `export questions`: the same seed prints the same bank; a package needs a folder; a
    /// county that does not exist is refused with the valid ids.
    struct ExportQuestionsCommandTests {
        @Test func theSameSeedPrintsTheSameBankAndAnotherSeedAnother() throws {
            let arguments = ["export", "questions", "--format", "gift", "--jurisdiction", "marin"]
            let first = try CLIRunner.run(arguments)
            let again = try CLIRunner.run(arguments + ["--seed", "1"])
            let other = try CLIRunner.run(arguments + ["--seed", "2"])
            #expect(first.status == 0, "\(first.error)")
            #expect(first.output.contains("$CATEGORY: $course$/top/csec_trainer/marin"))
            #expect(first.output == again.output)
            #expect(first.output != other.output)
        }

        @Test func aQTIPackageIsWrittenIntoANewFolderOnly() throws {
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let folder = directory.appending(path: "marin-qti")
            let arguments = ["export", "questions", "--format", "qti21", "--jurisdiction", "marin", "--out", folder.path]
            let written = try CLIRunner.run(arguments)
            #expect(written.status == 0, "\(written.error)")
            #expect(written.output.contains("written to \(folder.path)"))
            #expect(FileManager.default.fileExists(atPath: folder.appending(path: "imsmanifest.xml").path))
            let items = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "items").path)
            #expect(!items.isEmpty)

            let again = try CLIRunner.run(arguments)
            #expect(again.status == 1)
            #expect(again.error.contains("already holds files"))
            let noFolder = try CLIRunner.run(["export", "questions", "--format", "qti21", "--jurisdiction", "marin"])
            #expect(noFolder.status != 0)
            #expect(noFolder.error.contains("--format qti21 writes a folder: give it with --out."))
        }

        @Test func anUnknownCountyIsRefusedWithTheValidIds() throws {
            let result = try CLIRunner.run(["export", "questions", "--format", "moodle-xml", "--jurisdiction", "atlantis"])
            #expect(result.status != 0)
            #expect(result.error.contains("unknown jurisdiction 'atlantis'. Valid ids:"))
        }
    }
}
