import ContentLoading
import Foundation
import RecordStore
import ScenarioEngine
import TestSupport
import Testing

extension CLISuite {
    /// A record names the exact protocol and vignette bank it was trained on by their
    /// fingerprints: the same content must give the same fingerprints in every process (a Swift
    /// set's order, and so its encoding if left as it is, changes from one run to the next).
    @Suite
    struct ContentFingerprintCommandTests {
        /// The protocol and bank fingerprints of the one record that training leaves in `data`.
        static func fingerprints(in data: URL) throws -> [String] {
            let folder = data.appending(path: "records")
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".json") })
            let text = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
            return try ["protocolHash", "scenarioBankHash"].map { key in
                let match = try #require(text.firstMatch(of: try Regex("\"\(key)\" ?: ?\"([0-9a-f]{64})\"")))
                return String(try #require(match.output[1].substring))
            }
        }

        @Test func twoRunsOfTheSameContentRecordTheSameFingerprints() async throws {
            var runs: [[String]] = []
            for number in 0..<2 {
                let data = try Fixtures.temporaryDirectory()
                defer { try? FileManager.default.removeItem(at: data) }
                let finished = try await KeysCommandTests.finishSession(in: data, name: "Person \(number)")
                #expect(finished.status == 0, "\(finished.error)")
                runs.append(try Self.fingerprints(in: data))
            }
            #expect(runs[0] == runs[1])
            // And as this process computes them from the same files.
            let content = try Fixtures.trainingContent()
            let marin = try #require(content.library.jurisdiction("marin"))
            #expect(
                runs[0] == [
                    ContentFingerprint.sha256(of: marin),
                    ContentFingerprint.sha256(of: content.vignettes.sorted { $0.id < $1.id }),
                ])
        }
    }
}
