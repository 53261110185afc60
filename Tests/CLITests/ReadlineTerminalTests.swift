import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

/// Drives the real GNU readline path in a pseudo-terminal (tmux): an answer typed with a
/// correction, tab completion of a command and of an option letter, and Ctrl-C.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux (installed by .ci/run)"))
struct ReadlineTerminalTests {
    @Test func editsCompletesAndStopsSafely() throws {
        let content = try Fixtures.trainingContent()
        let marin = try #require(content.library.jurisdiction("marin"))
        let script = ScriptedAnswers(content: content, jurisdiction: marin, count: 2, seed: 31)
        try #require(script.plan.questions.count >= 3)
        let data = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = Tmux(session: "csec-\(UUID().uuidString.prefix(8))")
        defer { tmux.kill() }

        try tmux.start(
            "\(CLIRunner.executable.path) train --name 'Tess Tmux' --jurisdiction marin --count 2 --seed 31 --data-dir \(data.path)",
            in: Fixtures.repositoryRoot)
        try tmux.waitFor("answer> ")

        // 1. A wrong letter, corrected with backspace before Enter.
        let firstCorrect = script.plan.questions[0].options.firstIndex { $0.id == script.plan.questions[0].correctOptionID }!
        let wrongLetter = firstCorrect == 0 ? "b" : "a"
        tmux.send(wrongLetter)
        tmux.sendKey("BSpace")
        tmux.send(String(UnicodeScalar(UInt8(97 + firstCorrect))))
        tmux.sendKey("Enter")
        try tmux.waitFor("Correct.")

        // 2. Tab completes a command: "rep" becomes "repeat".
        tmux.send("rep")
        tmux.sendKey("Tab")
        tmux.sendKey("Enter")
        try tmux.waitFor("answer> repeat")

        // 3. Tab completes an option letter: "b" becomes "B".
        tmux.send("b")
        tmux.sendKey("Tab")
        tmux.sendKey("Enter")
        try tmux.waitFor("answer> B")
        try tmux.waitFor("Question 3 of")

        // 4. Ctrl-C stops; both answers are already saved.
        tmux.sendKey("C-c")
        try tmux.waitFor("Your answers so far are saved")
        let saved = try String(contentsOf: data.appending(path: "in-progress.json"), encoding: .utf8)
        #expect(saved.contains(script.plan.questions[0].correctOptionID.rawValue))
        #expect(saved.contains(script.plan.questions[1].options[1].id.rawValue))
    }
}

/// A tmux session for terminal tests.
struct Tmux {
    let session: String

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    func start(_ command: String, in directory: URL) throws {
        try run(["new-session", "-d", "-s", session, "-x", "120", "-y", "60", "-c", directory.path, command + "; sleep 60"])
    }

    func send(_ text: String) { _ = try? run(["send-keys", "-t", session, "-l", text]) }
    func sendKey(_ key: String) { _ = try? run(["send-keys", "-t", session, key]) }
    func kill() { _ = try? run(["kill-session", "-t", session]) }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-200", "-t", session], capturing: true)
    }

    /// Waits up to `seconds` for `text` to be on the screen.
    func waitFor(_ text: String, seconds: Double = 15) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try screen().contains(text) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError.timedOut(waitingFor: text, screen: try screen())
    }

    /// Runs tmux. Only `capture-pane` output is read: `new-session` forks the tmux server,
    /// which would inherit a pipe and keep it open for as long as it lives.
    @discardableResult
    private func run(_ arguments: [String], capturing: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/tmux")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard capturing else {
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return ""
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case timedOut(waitingFor: String, screen: String)

    var description: String {
        switch self {
        case .timedOut(let text, let screen): "timed out waiting for “\(text)”; the screen shows:\n\(screen)"
        }
    }
}
