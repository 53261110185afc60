import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import Scoring
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension CLISuite {
    /// `records stats` on a data directory of two finished sessions: one all right, one with
    /// every second answer wrong.
    @Suite
    struct RecordsStatsCommandTests {
        let data: URL

        init() throws {
            data = try Fixtures.temporaryDirectory()
        }

        /// Trains `count` cases of Marin's protocol with seed 11; returns the script's answers.
        @discardableResult
        func train(name: String, wrongEvery: Int?) async throws -> ScriptedAnswers {
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 2, seed: 11, wrongEvery: wrongEvery)
            let result = try await CLIRunner.run(
                [
                    "train", "--name", name, "--jurisdiction", "marin", "--count", "2", "--seed", "11", "--data-dir", data.path,
                    "--school", "Redwood High", "--role", "teacher",
                ],
                input: script.letters.joined(separator: "\n") + "\n")
            #expect(result.status == 0, "\(result.error)")
            return script
        }

        @Test func theJSONGivesEachItemsFacilityAndMatchesItsSchema() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            try await train(name: "Ana Ruiz", wrongEvery: nil)
            let script = try await train(name: "Kim Lee", wrongEvery: 2)
            let result = try await CLIRunner.run(["records", "stats", "--format", "json", "--data-dir", data.path])
            #expect(result.status == 0, "\(result.error)")
            let json = Data(result.output.utf8)
            let schema = Fixtures.repositoryRoot.appending(path: "schemas/item-analysis.schema.json")
            #expect(try JSONSchemaCheck.errors(in: json, schema: schema) == [])
            let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            #expect(report["format"] as? String == "csec-trainer-item-analysis" && report["formatVersion"] as? Int == 1)
            let marin = try #require((report["jurisdictions"] as? [[String: Any]])?.first)
            #expect(marin["jurisdiction"] as? String == "marin" && marin["records"] as? Int == 2)
            let items = try #require(marin["items"] as? [[String: Any]])
            #expect(items.count == script.answers.count)
            // Kim got the 2nd, 4th … wrong: those items have facility ½, the others 1.
            let wrong = Set(
                script.answers.enumerated().filter { $0.offset % 2 == 1 }.map { index, answer in
                    "\(answer.question.vignette.id)#\(answer.question.stage + 1)/\(answer.question.kind.rawValue)"
                })
            for item in items {
                let key = try #require(item["item"] as? [String: Any])
                let label = "\(key["vignette"] ?? "")#\(key["stage"] ?? "")/\(key["kind"] ?? "")"
                #expect(item["facility"] as? Double == (wrong.contains(label) ? 0.5 : 1), "\(label)")
            }
        }

        @Test func svgWritesEachChartWithItsTablesAsWellFormedFiles() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            try await train(name: "Ana Ruiz", wrongEvery: 3)
            let out = data.appending(path: "stats")
            let result = try await CLIRunner.run(["records", "stats", "--out", out.path, "--data-dir", data.path])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("6 files written to \(out.path) (1 records, 1 counties)"))
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(
                names == [
                    "marin-confusion.csv", "marin-confusion.html", "marin-confusion.svg", "marin-facility.csv",
                    "marin-facility.html", "marin-facility.svg",
                ])
            for name in names where name.hasSuffix(".svg") {
                let svg = try Data(contentsOf: out.appending(path: name))
                #expect(XMLParser(data: svg).parse(), "\(name) is not well-formed")
                #expect(String(decoding: svg, as: UTF8.self).contains("role=\"img\""))
            }
            // Again: the same bytes.
            let first = try Data(contentsOf: out.appending(path: "marin-facility.svg"))
            _ = try await CLIRunner.run(["records", "stats", "--out", out.path, "--data-dir", data.path])
            #expect(try Data(contentsOf: out.appending(path: "marin-facility.svg")) == first)
        }

        @Test func csvWritesEveryTablePerCounty() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let script = try await train(name: "Ana Ruiz", wrongEvery: 2)
            let out = data.appending(path: "tables")
            let result = try await CLIRunner.run([
                "records", "stats", "--format", "csv", "--out", out.path, "--data-dir", data.path,
            ])
            #expect(result.status == 0, "\(result.error)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(
                names
                    == [
                        "confusion", "critical-mistakes", "items", "kinds", "mistakes", "stages", "wrong-options",
                    ].map { "marin-\($0).csv" })
            let items = try String(contentsOf: out.appending(path: "marin-items.csv"), encoding: .utf8)
            #expect(items.hasPrefix("vignette,stage,kind,answered,correct,facility,discrimination,discrimination attempts\r\n"))
            #expect(items.split(separator: "\r\n").count == script.answers.count + 1)
            let wrong = try String(contentsOf: out.appending(path: "marin-wrong-options.csv"), encoding: .utf8)
            #expect(wrong.split(separator: "\r\n").count == script.answers.count / 2 + 1)
        }

        @Test(arguments: [
            (["--jurisdiction", "atlantis", "--format", "csv"], "no county protocol is loaded with the id 'atlantis'"),
            (["--format", "svg"], "--format svg writes several files: give the folder for them with --out DIR."),
            (["--format", "pdf"], "'pdf'"),
        ])
        func mistakesAreExplained(arguments: [String], message: String) async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(["records", "stats"] + arguments + ["--data-dir", data.path])
            #expect(result.status != 0)
            #expect(result.error.contains(message), "\(result.error)")
        }

        @Test func helpTeachesTheFigures() async throws {
            let result = try await CLIRunner.run(["records", "stats", "--help"])
            for words in ["facility", "discrimination", "confusion", "--format", "docs/item-analysis.md", "Group-attendance"] {
                #expect(result.output.contains(words), "\(words)")
            }
        }
    }
}
