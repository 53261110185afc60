import ContentLoading
import Foundation
import ProtocolEngine
import Scoring
import TestSupport
import Testing
import Training

/// The start of a session at a real terminal (tmux): typos at the opening prompts ask again,
/// a second process on the same session is refused, and `protocol` goes through the pager.
extension CLISuite {
    @Suite(.enabled(if: Tmux.executable != nil, "needs tmux (installed by .ci/run)"))
    struct OpeningPromptTerminalTests {
        let data: URL
        let tmux = Tmux(session: "csec-\(UUID().uuidString.prefix(8))")

        init() throws {
            data = try Fixtures.temporaryDirectory()
        }

        func savedProgress(_ trainee: String) throws -> [String: Any] {
            let file = data.appending(path: "progress/\(trainee).json")
            return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        }

        /// Without --length or --count, a person at a terminal chooses how long; the refresher
        /// saves the number of vignettes that makes about eight questions.
        @Test func aPersonAtATerminalChoosesTheLength() throws {
            defer { try? FileManager.default.removeItem(at: data) }
            defer { tmux.kill() }
            try tmux.start(
                "'\(CLIRunner.executable.path)' train --name 'Tess Tmux' --jurisdiction marin --seed 5 --skip-briefing --data-dir '\(data.path)'",
                in: Fixtures.repositoryRoot)
            try tmux.waitFor("How long? (1 or 2, Enter for the full course): ")
            #expect(try tmux.screen().contains("1. A short refresher, about \(SessionLength.refresherQuestions) questions"))
            for (typed, next) in [("9", "Type 1 for the refresher or 2 for the full course."), ("1", "answer> ")] {
                tmux.send(typed)
                tmux.sendKey("Enter")
                try tmux.waitFor(next)
            }
            tmux.send("quit")
            tmux.sendKey("Enter")
            try tmux.waitFor("Progress saved")
            let content = try Fixtures.trainingContent()
            let refresher = TrainingPlan(
                bank: content.vignettes, jurisdiction: try Fixtures.jurisdiction("marin"), length: .refresher, seed: 5,
                builder: content.questionBuilder)
            #expect(try savedProgress("tess-tmux")["count"] as? Int == refresher.vignettes.count)
            #expect(try tmux.screen().contains("of \(refresher.questions.count) questions answered"))
        }

        @Test func aTypoAtTheCountyPromptAsksAgain() throws {
            defer { try? FileManager.default.removeItem(at: data) }
            defer { tmux.kill() }
            try tmux.start(
                "'\(CLIRunner.executable.path)' train --count 1 --seed 3 --skip-briefing --data-dir '\(data.path)'",
                in: Fixtures.repositoryRoot)
            try tmux.waitFor("Your name: ")
            tmux.sendKey("Enter")
            try tmux.waitFor("Please type your name")
            for (typed, next) in [
                ("Tess Tmux", "Your county (id or name): "), ("Marn", "“Marn” is not one of the county protocols"),
                ("Marin County", "Employee id (Enter to skip): "), ("E-42", "School (Enter to skip): "),
                ("", "Role (teacher, counselor, office staff…) (Enter to skip): "), ("counselor", "answer> "),
            ] {
                tmux.send(typed)
                tmux.sendKey("Enter")
                try tmux.waitFor(next)
            }
            try tmux.waitFor("Marin County protocol")
            #expect(!(try tmux.screen().contains("Usage:")))
            tmux.send("quit")
            tmux.sendKey("Enter")
            try tmux.waitFor("Progress saved")
            let person = try #require(try savedProgress("tess-tmux")["person"] as? [String: Any])
            #expect(person["employeeID"] as? String == "E-42")
            #expect(person["role"] as? String == "counselor")
            #expect(person["school"] == nil)
        }

        @Test func aSecondProcessOnTheSameSessionIsRefused() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            defer { tmux.kill() }
            let content = try Fixtures.trainingContent()
            let marin = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: marin, count: 2, seed: 4)
            try tmux.start(
                "'\(CLIRunner.executable.path)' train --name 'Tess Tmux' --jurisdiction marin --count 2 --seed 4 --skip-briefing "
                    + "--data-dir '\(data.path)'",
                in: Fixtures.repositoryRoot)
            try tmux.waitFor("answer> ")

            for arguments in [["--resume"], ["--resume", "--name", "Tess Tmux"], ["--name", "Tess Tmux", "--restart"]] {
                let second = try await CLIRunner.run(["train"] + arguments + ["--data-dir", data.path], input: "a\n")
                #expect(second.status == 1)
                #expect(
                    second.error.contains("Tess Tmux's session is open in another csec-trainer window or process"),
                    "\(second.error)")
            }

            // The first goes on, and its answer is the one saved.
            tmux.send(script.letters[0])
            tmux.sendKey("Enter")
            try tmux.waitFor("Question 2 of")
            let answers = try #require(try savedProgress("tess-tmux")["answers"] as? [[String: Any]])
            #expect(answers.count == 1)
            #expect(answers.first?["optionID"] as? String == script.answers[0].chosen.rawValue)
        }

        @Test func theProtocolGoesThroughThePagerThenTheQuestionAgain() throws {
            defer { try? FileManager.default.removeItem(at: data) }
            defer { tmux.kill() }
            let paged = data.appending(path: "paged.txt")
            try tmux.start(
                "PAGER=\"cat > '\(paged.path)'\" '\(CLIRunner.executable.path)' train --name 'Tess Tmux' --jurisdiction marin "
                    + "--count 1 --seed 4 --skip-briefing --data-dir '\(data.path)'",
                in: Fixtures.repositoryRoot, rows: 20)
            try tmux.waitFor("answer> ")
            tmux.send("protocol")
            tmux.sendKey("Enter")
            var afterCommand = ""
            for _ in 0..<150 where !afterCommand.contains("answer> ") {
                Thread.sleep(forTimeInterval: 0.1)
                afterCommand = try tmux.screen().components(separatedBy: "answer> protocol").dropFirst().last ?? ""
            }
            let screen = try tmux.screen()
            #expect(afterCommand.contains("Question 1 of"), "\(screen)")
            let marin = try Fixtures.jurisdiction("marin")
            let text = try String(contentsOf: paged, encoding: .utf8)
            #expect(text.contains(marin.name.uppercased() + ":"), "\(text.prefix(300))")
        }
    }
}
