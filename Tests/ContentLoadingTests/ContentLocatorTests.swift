import ContentLoading
import Foundation
import Testing

struct ContentLocatorTests {
    static let root = URL(filePath: "/srv/csec-trainer", directoryHint: .isDirectory)
    static let vocabulary = "/srv/csec-trainer/Scoring/vocabulary.yaml"

    func locator(environment: [String: String] = [:], current: String, executable: String? = nil) -> ContentLocator {
        ContentLocator(
            environment: environment, currentDirectory: URL(filePath: current, directoryHint: .isDirectory),
            executable: executable.map { URL(filePath: $0) }, fileExists: { $0.standardizedFileURL.path == Self.vocabulary })
    }

    @Test func findsContentAboveTheCurrentDirectory() throws {
        let found = try locator(current: "/srv/csec-trainer/Sources/ProtocolEngine").locate()
        #expect(found.root.standardizedFileURL.path == "/srv/csec-trainer")
    }

    @Test func findsContentAboveTheExecutable() throws {
        let found = try locator(current: "/tmp", executable: "/srv/csec-trainer/.build/debug/csec-trainer").locate()
        #expect(found.vocabularyFile.standardizedFileURL.path == Self.vocabulary)
    }

    @Test func theEnvironmentVariableWins() throws {
        let found = try locator(environment: ["CSEC_TRAINER_CONTENT": "/srv/csec-trainer"], current: "/tmp").locate()
        #expect(found.root.standardizedFileURL.path == "/srv/csec-trainer")
    }

    @Test func findsAnInstalledCopyBesideTheExecutable() throws {
        let installed = ContentLocator(
            environment: [:], currentDirectory: URL(filePath: "/tmp", directoryHint: .isDirectory),
            executable: URL(filePath: "/opt/training/bin/csec-trainer"),
            fileExists: { $0.standardizedFileURL.path == "/opt/training/share/csec-trainer/Scoring/vocabulary.yaml" })
        #expect(try installed.locate().root.standardizedFileURL.path == "/opt/training/share/csec-trainer")
    }

    @Test func findsAnInstalledCopyInTheSystemDataDirectories() throws {
        let installed = ContentLocator(
            environment: ["XDG_DATA_DIRS": "/opt/data:/usr/share"],
            currentDirectory: URL(filePath: "/tmp", directoryHint: .isDirectory),
            executable: URL(filePath: "/home/ana/bin/csec-trainer"),
            fileExists: { $0.standardizedFileURL.path == "/usr/share/csec-trainer/Scoring/vocabulary.yaml" })
        #expect(try installed.locate().root.standardizedFileURL.path == "/usr/share/csec-trainer")
    }

    @Test func findsTheUsersInstalledCopyFromACopiedBinary() throws {
        let installed = ContentLocator(
            environment: ["HOME": "/home/ana", "XDG_DATA_DIRS": "relative/dir:/usr/share"],
            currentDirectory: URL(filePath: "/tmp", directoryHint: .isDirectory),
            executable: URL(filePath: "/opt/tools/csec-trainer"),
            fileExists: { $0.standardizedFileURL.path == "/home/ana/.local/share/csec-trainer/Scoring/vocabulary.yaml" })
        #expect(try installed.locate().root.standardizedFileURL.path == "/home/ana/.local/share/csec-trainer")
        #expect(!installed.installedLocations.contains { $0.path.contains("relative") })
    }

    @Test func explainsWhereItLookedWhenNothingIsFound() {
        let error = #expect(throws: ContentError.self) {
            try locator(current: "/tmp", executable: "/usr/bin/csec-trainer").locate()
        }
        #expect(error?.description.contains("/tmp and its parents") == true)
        #expect(error?.description.contains("/usr/bin and its parents") == true)
        #expect(error?.description.contains("CSEC_TRAINER_CONTENT") == true)
        #expect(error?.description.contains("/usr/share/csec-trainer") == true)
        #expect(error?.description.contains("scripts/install.sh") == true)
    }
}
