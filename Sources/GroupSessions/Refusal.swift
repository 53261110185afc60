/// Why the session refused a join, an answer or a command, in words for the person refused.
public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongCode
    case sessionEnded
    case sessionFull(capacity: Int)
    /// A page that has joined sends another join.
    case alreadyJoined
    /// The facilitator removed this participant.
    case removed
    /// The facilitator named a participant who is not in the session.
    case noSuchParticipant
    /// A name or employee id that ``ParticipantText`` refuses.
    case unacceptableText(ParticipantTextProblem)
    case unknownParticipant
    case questionNotOpen
    case noSuchOption
    case notTheFacilitator
    /// A projector view without the key from the facilitator's console.
    case notTheProjector
    case revealFirst
    case noMoreQuestions
    /// Something of another session (a journal's start that is not this session's).
    case otherSession
    /// The session could not keep it (its journal could not be written): nothing changed.
    case notSaved

    public var description: String {
        switch self {
        case .wrongCode: "That is not this session's code. Check the code on the screen."
        case .sessionEnded: "This session has ended."
        case .sessionFull(let capacity):
            "This session is full (\(capacity) \(capacity == 1 ? "person" : "people")). Tell the facilitator, who can start a larger one."
        case .alreadyJoined: "You have already joined on this page. To join as someone else, use another device."
        case .removed: "The facilitator removed you from this session."
        case .noSuchParticipant: "No one in the session has that name or number: see the roster."
        case .unacceptableText(let problem): problem.description
        case .unknownParticipant: "Join the session first (your link may be from another session)."
        case .questionNotOpen: "This question is not open for answers now."
        case .noSuchOption: "That is not one of this question's options."
        case .notTheFacilitator: "Only the facilitator can do that."
        case .notTheProjector:
            "This projector address is not complete: open the projector address the facilitator's console prints (it ends with #key=…)."
        case .revealFirst: "Reveal the answer before moving on."
        case .noMoreQuestions: "That was the last question: end the session."
        case .otherSession: "That belongs to another session."
        case .notSaved:
            "That could not be saved on the facilitator's computer (its disk may be full), so it did not count. "
                + "Tell the facilitator, then try again."
        }
    }
}
