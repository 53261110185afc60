import GroupSessions
import ScenarioEngine
import SessionServer
import TerminalUI
import Training

/// The facilitator's commands at the terminal, carried out on the room (the console holds the
/// facilitator secret).
struct FacilitatorConsole {
    let room: SessionRoom
    let secret: SessionSecret
    let output: any TextOutput

    enum Outcome { case going, ended }

    func handle(_ line: String) throws -> Outcome {
        switch line {
        case "":
            return .going
        case "next", "reveal", "end":
            let command = GroupSession.Command(rawValue: line)!
            let result = try waitFor { [room, secret] in await room.perform(command, secret: secret) }
            switch result {
            case .failure(let refusal): output.write("\(refusal.description)\n")
            case .success(let phase): try report(phase)
            }
            return result == .success(.ended) ? .ended : .going
        case "counts":
            output.write((try liveCount() ?? "No question is open.") + "\n")
            return .going
        case "roster":
            let session = try waitFor { [room] in await room.session }
            output.write("\(session.participants.count) joined:\n")
            for participant in session.participants {
                output.write("  \(participant.id). \(participant.name)\(participant.employeeID.map { " (\($0))" } ?? "")\n")
            }
            return .going
        case let line where line.hasPrefix("remove "):
            try remove(String(line.dropFirst("remove ".count).drop { $0.isWhitespace }))
            return .going
        default:
            output.write(
                "Commands: next (open the next question), reveal (show its answer), counts (answers so far), roster, "
                    + "remove NAME-or-number (take someone out of the session), end.\n"
            )
            return .going
        }
    }

    /// Removes the participant with that roster number, or that name (ignoring case) when only
    /// one has it: their page is told, and no record is written for them.
    private func remove(_ who: String) throws {
        let session = try waitFor { [room] in await room.session }
        let matches = session.participants.filter { participant in
            Int(who) == participant.id || participant.name.lowercased() == who.lowercased()
        }
        guard matches.count == 1, let participant = matches.first else {
            let problem =
                matches.isEmpty ? Refusal.noSuchParticipant.description : "More than one has that name: give their number."
            output.write(problem + "\n")
            return
        }
        let result = try waitFor { [room, secret] in await room.remove(participant: participant.id, secret: secret) }
        switch result {
        case .success(let removed): output.write("Removed \(removed.id). \(removed.name); no record will be written for them.\n")
        case .failure(let refusal): output.write("\(refusal.description)\n")
        }
    }

    /// The answers so far to the open question, per option: "Question 2 of 8: 7 of 12 answered
    /// · A 3 · B 4 · C 0"; nil when no question is open.
    func liveCount() throws -> String? {
        let session = try waitFor { [room] in await room.session }
        guard case .asking(let index) = session.phase else { return nil }
        let counts = session.distribution(of: index).enumerated().map { number, entry in
            "\(SessionPrinter.letter(number)) \(entry.count)"
        }
        return "Question \(index + 1) of \(session.plan.questions.count): \(session.answerCount(of: index)) of "
            + "\(session.participants.count) answered · " + counts.joined(separator: " · ")
    }

    /// What the room sees now, for the facilitator.
    private func report(_ phase: GroupSession.Phase) throws {
        let session = try waitFor { [room] in await room.session }
        switch phase {
        case .asking(let index):
            let question = session.plan.questions[index]
            output.write("Question \(index + 1) of \(session.plan.questions.count) is open: \(question.prompt)\n")
        case .revealed(let index):
            let question = session.plan.questions[index]
            output.write("\(session.answerCount(of: index)) of \(session.participants.count) answered:\n")
            for (number, entry) in session.distribution(of: index).enumerated() {
                let mark = entry.option == question.correctOptionID ? "  ← the protocol's answer" : ""
                output.write("  \(SessionPrinter.letter(number)). \(entry.count)\(mark)\n")
            }
        case .ended:
            output.write("The session has ended.\n")
        case .lobby:
            break
        }
    }
}
