import Foundation
import TestSupport
import Testing

extension CLISuite {
    @Suite
    struct ProtocolCommandTests {
        @Test func listsTheJurisdictions() async throws {
            let result = try await CLIRunner.run(["protocols"])
            #expect(result.status == 0, "\(result.error)")
            for id in ["sro-flowchart", "san-mateo", "san-diego", "marin", "orange-county"] {
                #expect(result.output.contains(id))
            }
        }

        @Test func listsAsJSON() async throws {
            let result = try await CLIRunner.run(["protocols", "--format", "json"])
            #expect(result.status == 0)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
            #expect(list.count == 5)
            #expect(list.compactMap { $0["id"] as? String }.contains("orange-county"))
        }

        @Test func printsAProtocolWrappedToTheWidth() async throws {
            let result = try await CLIRunner.run(["protocol", "san-mateo", "--width", "60"])
            #expect(result.status == 0)
            #expect(result.output.contains("Rape Trauma Services (victim advocate): 650-692-7273"))
            #expect(result.output.split(separator: "\n").allSatisfy { $0.count <= 60 || !$0.contains(" ") })
        }

        @Test func printsAProtocolAsJSON() async throws {
            let result = try await CLIRunner.run(["protocol", "marin", "--format", "json"])
            #expect(result.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            #expect(object["id"] as? String == "marin")
            let categories = try #require(object["categories"] as? [[String: Any]])
            #expect(categories.count == 4)
        }

        @Test func anUnknownIDIsAUsageErrorListingTheValidIDs() async throws {
            let result = try await CLIRunner.run(["protocol", "atlantis"])
            #expect(result.status == 64)
            #expect(result.error.contains("unknown jurisdiction 'atlantis'"))
            #expect(result.error.contains("marin, orange-county, san-diego, san-mateo, sro-flowchart"))
        }

        @Test func loadsANewCountyFromAnotherDirectory() async throws {
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try InventedCounty.yaml.write(
                to: directory.appending(path: InventedCounty.fileName), atomically: true, encoding: .utf8)

            let list = try await CLIRunner.run(["protocols", "--protocols", directory.path])
            #expect(list.status == 0, "\(list.error)")
            #expect(list.output.contains("lakeview"))
            let answer = try await CLIRunner.run([
                "answer", "--protocols", directory.path, "--jurisdiction", "lakeview", "--indicator", "survival-sex",
            ])
            #expect(answer.status == 0, "\(answer.error)")
            #expect(answer.output.contains("Next step (step 1): Call the police."))
        }

        @Test func aMalformedFileNamesFileLineAndColumn() async throws {
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let broken = InventedCounty.yaml.replacingOccurrences(
                of: "actions: [meet-with-student]", with: "actions: [meet-with-studnet]")
            try broken.write(to: directory.appending(path: InventedCounty.fileName), atomically: true, encoding: .utf8)

            let result = try await CLIRunner.run(["protocols", "--protocols", directory.path])
            #expect(result.status == 1)
            #expect(
                result.error.contains(
                    "lakeview.yaml:35:19: error: Unknown action 'meet-with-studnet'. Did you mean 'meet-with-student'?"))
        }

        @Test func findsTheContentFromTheExecutablesDirectory() async throws {
            let elsewhere = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: elsewhere) }
            let result = try await CLIRunner.run(["protocols"], in: elsewhere)
            #expect(result.status == 0, "\(result.error)")
        }

        @Test func aCopiedBinaryFindsTheContentInstalledByTheScript() async throws {
            let prefix = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: prefix) }
            let install = try await Program.run(
                Fixtures.repositoryRoot.appending(path: "scripts/install.sh"),
                ["--prefix", prefix.path, "--binary", CLIRunner.executable.path])
            try #require(install.status == 0)

            let elsewhere = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: elsewhere) }
            let result = try await CLIRunner.run(
                ["scenarios", "lint"], in: elsewhere, environment: ["CSEC_TRAINER_CONTENT": ""],
                executable: prefix.appending(path: "bin/csec-trainer"))
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("no problems"))
        }

        @Test func answerExplainsTheGuardianException() async throws {
            let result = try await CLIRunner.run([
                "answer", "--jurisdiction", "marin", "--indicator", "survival-sex", "--flag", "guardian-is-suspected-exploiter",
                "--done", "1", "--done", "2", "--done", "3", "--format", "json",
            ])
            #expect(result.status == 0, "\(result.error)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            let next = try #require(object["nextStep"] as? [String: Any])
            #expect(next["kind"] as? String == "alternative")
            #expect(next["actions"] as? [String] == ["refer-family-to-child-welfare"])
            #expect(next["wording"] as? String != nil)
        }

        @Test func helpTeaches() async throws {
            let result = try await CLIRunner.run(["--help"])
            #expect(result.status == 0)
            #expect(result.output.contains("csec-trainer protocol marin"))
            #expect(result.output.contains("answer"))
        }
    }
}
