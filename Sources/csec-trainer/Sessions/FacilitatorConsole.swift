import ContentLoading
import Foundation
import GroupSessions
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Scoring
import SessionServer
import TerminalUI
import Training

/// The facilitator's commands at the terminal, carried out on the room (the console holds the
/// facilitator secret), and what the end of a session writes.
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
        default:
            output.write(
                "Commands: next (open the next question), reveal (show its answer), counts (answers so far), roster, end.\n"
            )
            return .going
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

    /// Writes a signed completion record per participant (mode group session), their
    /// certificates and the attendance roster, and says where they are. A session ended before
    /// its last question passes nobody: its records say so.
    static func finish(_ session: GroupSession, started: Date, setup: SessionSetup) throws {
        let now = Date()
        let attendees = session.attempts().map { participant, answers in
            var record = CompletionRecord(
                id: UUID(), trainee: Trainee(name: participant.name, employeeID: participant.employeeID),
                training: setup.module, mode: .groupSession(id: session.id, facilitator: session.facilitator),
                startedAt: .local(started), completedAt: .local(now), activeSeconds: Int(now.timeIntervalSince(started)),
                answers: answers, policy: setup.training.policy)
            record.score = record.score?.endingEarly(asked: answers.count, planned: session.plan.questions.count)
            return SessionEnding.Attendee(
                record: record,
                answered: "\(answers.filter { $0.chosen != GroupSession.unanswered }.count) of \(answers.count)")
        }
        try setup.ending.write(attendees)
    }
}
