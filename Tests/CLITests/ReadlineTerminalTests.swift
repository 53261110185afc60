import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

#if canImport(Glibc)
    import Glibc
#endif

/// Drives the real GNU readline path in a pseudo-terminal (tmux): an answer typed with a
/// correction, tab completion of a command and of an option letter, and Ctrl-C.
extension CLISuite {
    @Suite(.enabled(if: Tmux.executable != nil, "needs tmux (installed by .ci/run)"))
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
                "'\(CLIRunner.executable.path)' train --name 'Tess Tmux' --jurisdiction marin --count 2 --seed 31 --skip-briefing --data-dir '\(data.path)'",
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
            let saved = try String(contentsOf: data.appending(path: "progress/tess-tmux.json"), encoding: .utf8)
            #expect(saved.contains(script.plan.questions[0].correctOptionID.rawValue))
            #expect(saved.contains(script.plan.questions[1].options[1].id.rawValue))
        }
    }
}

extension CLISuite.ReadlineTerminalTests {
    /// Ctrl-C in an offline room session ends it and records the attendance of the questions
    /// the room has answered: nothing is lost.
    @Test func ctrlCInAnOfflineRoomRecordsTheAttendance() throws {
        let data = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = Tmux(session: "csec-\(UUID().uuidString.prefix(8))")
        defer { tmux.kill() }
        try tmux.start(
            "'\(CLIRunner.executable.path)' session host --offline --jurisdiction san-diego --facilitator 'Dana Whitfield' "
                + "--count 2 --seed 5 --data-dir '\(data.path)'",
            in: Fixtures.repositoryRoot)
        try tmux.waitFor("attendee 1> ")
        for line in ["Tess Tmux, E-77", "Omar Haddad", ""] {
            tmux.send(line)
            tmux.sendKey("Enter")
        }
        try tmux.waitFor("room's answer> ")
        tmux.send("a")
        tmux.sendKey("Enter")
        try tmux.waitFor("Question 2 of")
        tmux.sendKey("C-c")
        try tmux.waitFor("2 completion records written")
        let records = try FileManager.default.contentsOfDirectory(atPath: data.appending(path: "records").path)
            .filter { $0.hasSuffix(".json") }
        #expect(records.count == 2)
        let text = try String(contentsOf: data.appending(path: "records/\(records[0])"), encoding: .utf8)
        #expect(text.contains("\"group-attendance\"") && !text.contains("\"score\""))
    }
}

extension CLISuite.ReadlineTerminalTests {
    /// The facilitator's console shows the open question's count of answers above the prompt
    /// (readline's event hook), and goes on taking commands.
    @Test func theConsoleShowsTheLiveCountAboveThePrompt() throws {
        let data = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = Tmux(session: "csec-\(UUID().uuidString.prefix(8))")
        defer { tmux.kill() }
        try tmux.start(
            "'\(CLIRunner.executable.path)' session host --jurisdiction marin --facilitator 'Dana Whitfield' "
                + "--port \(Int.random(in: 20_000..<40_000)) --data-dir '\(data.path)'",
            in: Fixtures.repositoryRoot)
        try tmux.waitFor("session> ")
        tmux.send("next")
        tmux.sendKey("Enter")
        try tmux.waitFor("0 of 0 answered · A 0 · B 0")
        tmux.send("reveal")
        tmux.sendKey("Enter")
        try tmux.waitFor("0 of 0 answered:")
        tmux.send("end")
        tmux.sendKey("Enter")
        try tmux.waitFor("The session has ended.")
    }
}

/// A tmux session for terminal tests, on a server of its own (`-L`), so that it never touches
/// a developer's own tmux sessions.
struct Tmux {
    let session: String
    private let socket = "csec-trainer-tests"

    /// tmux from the PATH, if installed.
    static let executable = Program.locate("tmux")

    /// Runs `command` (a shell command line) in a new window of `rows` rows.
    func start(_ command: String, in directory: URL, rows: Int = 60) throws {
        try run([
            "new-session", "-d", "-s", session, "-x", "120", "-y", "\(rows)", "-c", directory.path, command + "; sleep 60",
        ])
    }

    func send(_ text: String) { _ = try? run(["send-keys", "-t", session, "-l", text]) }
    func sendKey(_ key: String) { _ = try? run(["send-keys", "-t", session, key]) }
    func kill() { _ = try? run(["kill-session", "-t", session]) }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-200", "-t", session], capturing: true)
    }

    /// Waits up to `seconds` for `text` to be on the screen: a minute by default, as CI's full parallel run can hold back
    /// the program's start (loading the content) for more than 15 s.
    func waitFor(_ text: String, seconds: Double = 60) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try screen().contains(text) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError.timedOut(waitingFor: text, screen: try screen())
    }

    /// Runs tmux and waits for it, with posix_spawn and waitpid rather than Foundation's
    /// `Process`: `new-session` forks the tmux server, which inherits every descriptor the client
    /// had, including the one `Process` watches to learn that the child ended, so
    /// `waitUntilExit()` could wait for as long as the server lives. Output, when wanted, goes
    /// through a file for the same reason.
    @discardableResult
    private func run(_ arguments: [String], capturing: Bool = false) throws -> String {
        guard let executable = Self.executable else { return "" }
        let output = FileManager.default.temporaryDirectory.appending(path: "csec-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capturing ? output.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable.path, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard started == 0 else { throw TmuxError.cannotStart(errno: started) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return capturing ? (try String(contentsOf: output, encoding: .utf8)) : ""
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case timedOut(waitingFor: String, screen: String)
    case cannotStart(errno: Int32)

    var description: String {
        switch self {
        case .timedOut(let text, let screen): "timed out waiting for “\(text)”; the screen shows:\n\(screen)"
        case .cannotStart(let errno): "cannot start tmux (errno \(errno))"
        }
    }
}
