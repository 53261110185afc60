import Foundation
import ScenarioEngine
import TestSupport
import Testing

extension CLISuite {
    /// `kill -9` at random points of scripted group sessions, each time restored with
    /// `session host --resume`: every join and answer acknowledged before a kill is in the session
    /// restored after it, and in the records its final `end` writes; nobody is recorded twice.
    @Suite
    struct SessionKillAndResumeTests {
        /// Kills over all the sessions, at least.
        static let kills = 50

        @Test(.timeLimit(.minutes(3)))
        func answersAcknowledgedBeforeAKillAreRecorded() async throws {
            let seed = UInt64.random(in: 0...UInt64.max)
            var random = SplitMix64(seed: seed)
            var killed = 0
            var sessions = 0
            while killed < Self.kills {
                let data = try Fixtures.temporaryDirectory()
                defer { try? FileManager.default.removeItem(at: data) }
                var run = try await ScriptedSession(data: data, port: Int.random(in: 20_000..<40_000, using: &random))
                try await run.play(killing: 0.3, using: &random)
                killed += run.kills
                sessions += 1
                try await run.checkRecords(seed: seed)
                if run.problems.isEmpty == false || sessions >= 25 { break }
            }
            print("kill and resume: \(killed) kills in \(sessions) sessions (seed \(seed))")
            #expect(killed >= Self.kills, "seed \(seed)")
        }

        /// A session that ended and wrote its records is not resumed.
        @Test func aFinishedSessionIsNotResumed() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            var random = SplitMix64(seed: 1)
            var run = try await ScriptedSession(data: data, port: Int.random(in: 20_000..<40_000))
            try await run.play(killing: 0, using: &random)
            try await run.checkRecords(seed: 1)
            let resumed = try await CLIRunner.run(["session", "host", "--resume", run.sessionID, "--data-dir", data.path])
            #expect(resumed.status != 0)
            #expect(
                resumed.error.contains("has ended and its records were written; there is nothing to resume"), "\(resumed.error)")
            let newest = try await CLIRunner.run(["session", "host", "--resume", "--data-dir", data.path])
            #expect(newest.error.contains("there is no unfinished group session to resume"), "\(newest.error)")
        }
    }
}

/// One scripted group session of three participants over one vignette's questions: they join,
/// the facilitator opens each question, each participant answers (some change their answer), the
/// facilitator reveals it, and at the end ends the session. Before any step, or while it is under
/// way, the host may be killed with SIGKILL and restored with `--resume`; the script goes on from
/// where the restored session is. What the test knows for sure is only what was acknowledged.
struct ScriptedSession {
    enum Phase: Equatable { case lobby, asking(Int), revealed(Int), ended }

    struct Person {
        var name: String
        var rejoinKey: String
        var token: String?
        var id: Int?
        var page: ScriptedPage?
        /// The last answer acknowledged to each question.
        var acknowledged: [Int: String] = [:]
        /// Answers sent whose acknowledgement a kill cut off: they may or may not count.
        var unsure: [Int: [String]] = [:]
    }

    let data: URL
    let port: Int
    private(set) var host: HostProcess
    private(set) var sessionID = ""
    private(set) var code = ""
    private(set) var questions = 0
    private(set) var phase = Phase.lobby
    private(set) var people: [Person]
    private(set) var kills = 0
    private(set) var problems: [String] = []
    /// The options of each question, learnt from the pages.
    private var options: [Int: [String]] = [:]

    init(data: URL, port: Int) async throws {
        self.data = data
        self.port = port
        host = try HostProcess([
            "session", "host", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield", "--count", "1",
            "--bind", "127.0.0.1:\(port)", "--data-dir", data.path,
        ])
        people = ["Ana Ruiz", "Kim Lee", "Sam Ortiz"].map { name in
            Person(name: name, rejoinKey: UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())
        }
        try await readBanner()
    }

    // MARK: The script

    mutating func play(killing chance: Double, using random: inout SplitMix64) async throws {
        var steps = 0
        while phase != .ended, problems.isEmpty {
            steps += 1
            guard steps < 200 else { return problem("the script did not finish in 200 steps") }
            let roll = Double.random(in: 0..<1, using: &random)
            let inFlight = roll < chance / 2
            if !inFlight, roll < chance { try await killAndResume() }
            if phase == .ended { break }
            try await step(killingInFlight: inFlight, using: &random)
        }
        if problems.isEmpty, host.process.isRunning {
            let exited = await host.waitForExit()
            if !exited { problem("the host did not exit after the end") }
        }
    }

    /// The next step from where the session is; with `killingInFlight`, the host is killed right
    /// after the step is sent, before its acknowledgement.
    private mutating func step(killingInFlight: Bool, using random: inout SplitMix64) async throws {
        if let index = people.firstIndex(where: { $0.token == nil }) {
            return try await join(index, killingInFlight: killingInFlight)
        }
        switch phase {
        case .lobby:
            try await command("next", expecting: "Question 1 of \(questions) is open", then: .asking(0), killingInFlight)
        case .asking(let question):
            let waiting = people.indices.filter { people[$0].acknowledged[question] == nil }
            if let index = waiting.first {
                try await answer(index, question, using: &random, killingInFlight)
            } else if Int.random(in: 0..<4, using: &random) == 0 {
                try await answer(Int.random(in: 0..<people.count, using: &random), question, using: &random, killingInFlight)
            } else {
                try await command("reveal", expecting: "answered:\n", then: .revealed(question), killingInFlight)
            }
        case .revealed(let question) where question + 1 < questions:
            try await command(
                "next", expecting: "Question \(question + 2) of \(questions) is open", then: .asking(question + 1),
                killingInFlight)
        case .revealed:
            try await end(killingInFlight)
        case .ended:
            break
        }
    }

    private mutating func join(_ index: Int, killingInFlight: Bool) async throws {
        let person = people[index]
        let page = try await connectedPage()
        people[index].page = page
        page.send(
            #"{"type":"join","code":"\#(code)","name":"\#(person.name)","rejoinKey":"\#(person.rejoinKey)"}"#)
        if killingInFlight { return try await killAndResume() }
        guard let joined = await page.next(["joined", "refused"]) else { return try await lostHost() }
        guard joined["type"] as? String == "joined", let token = joined["token"] as? String else {
            return problem("\(person.name) could not join: \(joined)")
        }
        people[index].token = token
        people[index].id = joined["participant"] as? Int
    }

    private mutating func answer(
        _ index: Int, _ question: Int, using random: inout SplitMix64, _ killingInFlight: Bool
    ) async throws {
        guard let token = people[index].token, let page = people[index].page else { return }
        var known = options[question]
        if known == nil { known = await learnOptions(question, page) }
        guard let choices = known else { return try await lostHost() }
        let option = choices.randomElement(using: &random)!
        page.send(#"{"type":"answer","token":"\#(token)","question":\#(question),"option":"\#(option)"}"#)
        people[index].unsure[question, default: []].append(option)
        if killingInFlight { return try await killAndResume() }
        guard let reply = await page.next(["answered", "refused"]) else { return try await lostHost() }
        guard reply["chosen"] as? String == option else {
            return problem("\(people[index].name)'s answer \(option) to question \(question + 1) was not taken: \(reply)")
        }
        people[index].acknowledged[question] = option
        people[index].unsure[question] = nil
    }

    /// The options of `question`, from the question message the page was sent.
    private mutating func learnOptions(_ question: Int, _ page: ScriptedPage) async -> [String]? {
        while let message = await page.next(["question"]) {
            learnOptions(from: message)
            if let ids = options[question] { return ids }
        }
        return nil
    }

    private mutating func learnOptions(from message: [String: Any]) {
        guard let shown = message["question"] as? [String: Any], let index = shown["index"] as? Int else { return }
        options[index] = (shown["options"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    private mutating func command(
        _ line: String, expecting reply: String, then next: Phase, _ killingInFlight: Bool
    ) async throws {
        let before = host.type(line)
        if killingInFlight { return try await killAndResume() }
        guard await host.printed.wait(after: before, until: { $0.contains(reply) }) else { return try await lostHost() }
        phase = next
    }

    private mutating func end(_ killingInFlight: Bool) async throws {
        host.type("end")
        if killingInFlight { return try await killAndResume() }
        guard await host.waitForExit() else { return problem("the host did not exit after `end`") }
        phase = .ended
    }

    // MARK: Kills

    private mutating func killAndResume() async throws {
        try await Task.sleep(for: .microseconds(Int.random(in: 0..<3_000)))
        host.killHard()
        kills += 1
        try await resume()
    }

    /// The host went away without being killed: a failure.
    private mutating func lostHost() async throws {
        problem("the host stopped answering:\n\(host.printed.text.suffix(2_000))")
    }

    private mutating func resume() async throws {
        for index in people.indices {
            people[index].page?.close()
            people[index].page = nil
        }
        host = try HostProcess(["session", "host", "--resume", "--data-dir", data.path])
        let restoredOrDone = await host.printed.wait {
            $0.contains("Restored from") || $0.contains("there is no unfinished group session")
        }
        if host.printed.text.contains("there is no unfinished group session") {
            // The kill came after the records were written and the journal marked finished.
            phase = .ended
            return
        }
        guard restoredOrDone else { return problem("--resume printed no restored session:\n\(host.printed.text)") }
        let codeBefore = code
        try await readBanner()
        if code != codeBefore { problem("the join code changed from \(codeBefore) to \(code) on resume") }
        let summary = host.printed.text
        if summary.contains("the session had ended") {
            phase = .ended
            if !(await host.waitForExit()) { problem("the restored ended session did not write its records and exit") }
            return
        }
        if let match = summary.firstMatch(of: /question ([0-9]+) of [0-9]+ is (open|revealed)/) {
            let question = Int(match.output.1)! - 1
            phase = match.output.2 == "open" ? .asking(question) : .revealed(question)
        } else if summary.contains("no question asked yet") {
            phase = .lobby
        }
        for index in people.indices where people[index].token != nil { try await reconnect(index) }
    }

    /// The participant's page reconnects with its token, as the page does: the same participant
    /// is there, and the answer the session holds for the open question is the one acknowledged.
    private mutating func reconnect(_ index: Int) async throws {
        let person = people[index]
        let page = try await connectedPage()
        people[index].page = page
        page.send(#"{"type":"resume","token":"\#(person.token!)"}"#)
        guard let messages = await page.everythingSoFar() else { return try await lostHost() }
        for message in messages where message["type"] as? String == "question" { learnOptions(from: message) }
        guard let joined = messages.first(where: { $0["type"] as? String == "joined" }),
            joined["participant"] as? Int == person.id
        else { return problem("\(person.name)'s acknowledged join was lost: \(messages)") }
        guard case .asking(let question) = phase else { return }
        let chosen = messages.first { $0["type"] as? String == "answered" }?["chosen"] as? String
        let unsure = person.unsure[question] ?? []
        if let acknowledged = person.acknowledged[question], chosen != acknowledged, !unsure.contains(chosen ?? "") {
            problem(
                "\(person.name)'s acknowledged answer \(acknowledged) to question \(question + 1) came back as \(chosen ?? "none")"
            )
        }
        if let chosen { people[index].acknowledged[question] = chosen }
        people[index].unsure[question] = nil
    }

    /// A page connected to the host, trying again while its server starts.
    private func connectedPage() async throws -> ScriptedPage {
        for _ in 0..<100 {
            let page = ScriptedPage(port: port)
            if await page.everythingSoFar() != nil { return page }
            page.close()
            try await Task.sleep(for: .milliseconds(50))
        }
        return ScriptedPage(port: port)
    }

    private mutating func readBanner() async throws {
        guard await host.printed.wait(until: { $0.contains("Commands: next") }) else {
            return problem("the host printed no banner:\n\(host.printed.text)")
        }
        let banner = host.printed.text
        guard let session = banner.firstMatch(of: /Group session ([a-z0-9-]+), .*, ([0-9]+) questions/),
            let code = banner.firstMatch(of: /with the code ([A-Z0-9]{6})\./)
        else { return problem("unexpected banner:\n\(banner)") }
        if !sessionID.isEmpty, sessionID != String(session.output.1) { problem("another session was resumed: \(banner)") }
        sessionID = String(session.output.1)
        questions = Int(session.output.2)!
        self.code = String(code.output.1)
    }

    private mutating func problem(_ text: String) {
        problems.append(text)
    }

    // MARK: The records

    /// The records the end wrote: one per participant, each with every acknowledged answer.
    func checkRecords(seed: UInt64) async throws {
        for problem in problems { Issue.record(Comment(rawValue: "seed \(seed): \(problem)")) }
        guard problems.isEmpty else { return }
        let records = try await CLISuite.SessionCommandTests.records(in: data)
        #expect(records.count == people.count, "seed \(seed): one record per participant, nobody twice: \(records.count)")
        for person in people {
            let theirs = records.filter { ($0["trainee"] as? [String: Any])?["name"] as? String == person.name }
            #expect(theirs.count == 1, "\(person.name): \(theirs.count) records")
            let chosen = (theirs.first?["questions"] as? [[String: Any]] ?? []).map { $0["chosenOption"] as? String ?? "" }
            for (question, option) in person.acknowledged.sorted(by: { $0.key < $1.key }) {
                #expect(
                    question < chosen.count && chosen[question] == option,
                    "seed \(seed): \(person.name), question \(question + 1): acknowledged \(option), recorded \(chosen)")
            }
        }
    }
}
