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

    @Test func explainsWhereItLookedWhenNothingIsFound() {
        let error = #expect(throws: ContentError.self) {
            try locator(current: "/tmp", executable: "/usr/bin/csec-trainer").locate()
        }
        #expect(error?.description.contains("/tmp and its parents") == true)
        #expect(error?.description.contains("/usr/bin and its parents") == true)
        #expect(error?.description.contains("CSEC_TRAINER_CONTENT") == true)
    }
}
