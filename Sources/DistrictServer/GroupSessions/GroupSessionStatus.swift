import GroupSessions
import ScenarioEngine
import Training

/// A running group session as the facilitator's console page shows it: the code, who joined,
/// the question and its anonymous counts. Never the facilitator's secret; the projector key
/// only for the projector's address.
public struct GroupSessionStatus: Sendable, Equatable {
    public struct Joined: Sendable, Equatable {
        /// The participant's number, as the roster and the remove button name them.
        public var number: Int
        public var name: String
        public var employeeID: String?
    }

    public struct OptionCount: Sendable, Equatable {
        public var letter: String
        public var count: Int
    }

    public var sessionID: String
    public var facilitator: String
    public var joinCode: String
    public var joinAddress: String
    public var projectorKey: String
    public var phase: GroupSession.Phase
    public var questionCount: Int
    public var capacity: Int
    public var participants: [Joined]
    /// The open or revealed question's title, with how many answered it and the count per option.
    public var questionTitle: String?
    public var answered: Int
    public var counts: [OptionCount]

    init(_ session: GroupSession, joinAddress: String) {
        sessionID = session.id
        facilitator = session.facilitator
        joinCode = session.joinCode.text
        self.joinAddress = joinAddress
        projectorKey = session.keyForProjector.text
        phase = session.phase
        questionCount = session.plan.questions.count
        capacity = session.capacity
        participants = session.participants.map { Joined(number: $0.id, name: $0.name, employeeID: $0.employeeID) }
        switch session.phase {
        case .asking(let index), .revealed(let index):
            let question = session.plan.questions[index]
            questionTitle = "\(question.kind.name): \(question.vignette.title)"
            answered = session.answerCount(of: index)
            // The letters the pages show: A for the first option, B for the second…
            counts = session.distribution(of: index).enumerated().map { number, entry in
                OptionCount(letter: String(UnicodeScalar(UInt8(65 + number))), count: entry.count)
            }
        case .lobby, .ended:
            questionTitle = nil
            answered = 0
            counts = []
        }
    }
}
