import Briefing
import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

extension CLISuite {
    /// `csec-trainer learn` as a user runs it, and the content note at the start of `train`.
    @Suite
    struct LearnCommandTests {
        private static func words(_ text: String) -> String {
            text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        @Test func marinBriefingPrintsTheProtocolAndABlankSiteSheet() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                ["learn", "--jurisdiction", "marin", "--data-dir", data.path, "--width", "100"])
            #expect(result.status == 0, "\(result.error)")
            let output = Self.words(result.output)
            let marin = try Fixtures.jurisdiction("marin")
            #expect(output.contains(Self.words(marin.title)))
            for category in marin.categories {
                #expect(output.contains(category.name.uppercased()) || output.contains(category.name))
                for step in category.steps { #expect(output.contains(Self.words(step.wording)), "step \(step.number)") }
            }
            let text = try Fixtures.content.loadBriefingText(library: Fixtures.library())
            let notes = (text.countyPassages["marin"] ?? []).flatMap(\.entries).compactMap(\.note)
            #expect(!notes.isEmpty)
            for note in notes { #expect(output.contains(Self.words(note))) }
            for box in text.siteContactBoxes { #expect(output.contains("\(box.label): ________________")) }
            #expect(result.error.contains(data.appending(path: "site.yaml").path))
            for line in ContentNote(employeeAssistance: nil).supportLines { #expect(output.contains(line.text)) }
        }

        @Test func aSiteFileFillsTheSheetAndTheAssistanceLine() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let site = """
                format: 1
                site: Lincoln High School
                contacts:
                  probation-department:
                    name: Sam Ortiz
                    phone: (415) 555-0142
                employee-assistance-program:
                  name: District Employee Assistance Program
                  phone: 1-800-555-0199

                """
            try Data(site.utf8).write(to: data.appending(path: "site.yaml"))
            let result = try await CLIRunner.run([
                "learn", "--jurisdiction", "san-diego", "--data-dir", data.path, "--width", "100",
            ])
            #expect(result.status == 0, "\(result.error)")
            let output = Self.words(result.output)
            let boxes = try Fixtures.content.loadBriefingText(library: Fixtures.library()).siteContactBoxes
            let probation = try #require(boxes.first { $0.id == "probation-department" })
            #expect(output.contains("\(probation.label): Sam Ortiz, (415) 555-0142"))
            #expect(output.contains("District Employee Assistance Program: 1-800-555-0199"))
            #expect(!result.error.contains("site.yaml"))
        }

        @Test func aBrokenSiteFileIsReportedAtItsLineAndColumn() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let file = data.appending(path: "lincoln.yaml")
            try Data("format: 1\ncontacts:\n  probaton-department:\n    name: Sam\n".utf8).write(to: file)
            let result = try await CLIRunner.run([
                "learn", "--jurisdiction", "marin", "--site", file.path, "--data-dir", data.path,
            ])
            #expect(result.status != 0)
            #expect(result.error.contains("lincoln.yaml:3:3: error: Unknown key `probaton-department`"))
        }

        @Test func theCardIsSavedOrGoesToStandardOutputAlone() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let file = data.appending(path: "card.pdf")
            let saved = try await CLIRunner.run(
                ["learn", "--jurisdiction", "orange-county", "--card", file.path, "--data-dir", data.path])
            #expect(saved.status == 0, "\(saved.error)")
            #expect(saved.output.contains("Quick-reference card saved: \(file.path)"))
            let qpdf = try #require(Program.locate("qpdf"), "qpdf is not installed")
            #expect(try await Program.run(qpdf, ["--check", file.path]).status == 0)
            let text = try await CLIRunner.tool("pdftotext", ["-enc", "UTF-8", file.path, "-"])
            for phone in try Fixtures.jurisdiction("orange-county").contacts.compactMap(\.phone) {
                #expect(Self.words(text).contains(phone))
            }

            let piped = try await CLIRunner.run([
                "learn", "--jurisdiction", "orange-county", "--card", "-", "--data-dir", data.path,
            ])
            #expect(piped.status == 0, "\(piped.error)")
            #expect(piped.output.hasPrefix("%PDF-"))
            #expect(piped.output.hasSuffix("%%EOF\n"))
        }

        @Test func trainOpensWithTheContentNoteAndSkipsTheBriefingWhenPiped() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                ["train", "--seed", "1", "--count", "1", "--data-dir", data.path], input: "Kim Lee\nmarin\nquit\n")
            #expect(result.status == 0, "\(result.error)")
            let note = ContentNote(employeeAssistance: nil)
            let start = try #require(result.output.range(of: note.heading))
            let name = try #require(result.output.range(of: "Your name:"))
            #expect(start.lowerBound < name.lowerBound, "the note comes first")
            for line in note.supportLines { #expect(result.output.contains(line.text)) }
            #expect(!result.output.contains("BEFORE THE QUIZ"))
        }

        @Test func trainShowsTheBriefingFirstWhenAsked() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                ["train", "--name", "Kim Lee", "--jurisdiction", "marin", "--count", "1", "--briefing", "--data-dir", data.path],
                input: "quit\n")
            #expect(result.status == 0, "\(result.error)")
            let briefing = try #require(result.output.range(of: "BEFORE THE QUIZ: MARIN COUNTY"))
            let question = try #require(result.output.range(of: "Question 1 of"))
            #expect(briefing.lowerBound < question.lowerBound)
            let both = try await CLIRunner.run(["train", "--briefing", "--skip-briefing", "--data-dir", data.path], input: "")
            #expect(both.status != 0)
        }

        @Test func aGroupSessionOpensWithTheContentNoteAndTheSitesAssistanceLine() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let site = data.appending(path: "lincoln.yaml")
            try Data("format: 1\nemployee-assistance-program:\n  name: District EAP\n  email: eap@example.org\n".utf8)
                .write(to: site)
            let result = try await CLIRunner.run(
                [
                    "session", "host", "--offline", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield", "--count",
                    "1", "--site", site.path, "--data-dir", data.path,
                ],
                input: "")
            let note = ContentNote(employeeAssistance: SupportLine(name: "District EAP", reach: "eap@example.org"))
            let start = try #require(result.output.range(of: note.heading), "\(result.output)\(result.error)")
            #expect(result.output[..<start.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            for line in note.supportLines { #expect(result.output.contains(line.text)) }
        }
    }
}
