/// What a browser sends over the session's WebSocket (JSON, one message per text frame).
/// Version 2 (`join` may carry a `rejoinKey`); documented in docs/group-sessions.md.
public enum ClientMessage: Sendable, Equatable, Decodable {
    /// A participant joins with the code on the screen; `rejoinKey` is the random key the page
    /// keeps, with which joining again from the same device is the same participant.
    case join(code: String, name: String, employeeID: String?, rejoinKey: String? = nil)
    /// A participant's page reconnects with its token.
    case resume(token: String)
    /// A participant answers the open question (plan index) with an option id.
    case answer(token: String, question: Int, option: String)
    /// The projector view asks to follow the room, with the projector key (or the facilitator
    /// secret); empty when the page had none.
    case watch(key: String)
    /// A facilitator command, with the facilitator secret.
    case command(secret: String, command: String)

    private enum CodingKeys: String, CodingKey {
        case type, code, name, employeeID, token, question, option, secret, command, key, rejoinKey
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "join":
            self = .join(
                code: try container.decode(String.self, forKey: .code), name: try container.decode(String.self, forKey: .name),
                employeeID: try container.decodeIfPresent(String.self, forKey: .employeeID),
                rejoinKey: try container.decodeIfPresent(String.self, forKey: .rejoinKey))
        case "resume":
            self = .resume(token: try container.decode(String.self, forKey: .token))
        case "answer":
            self = .answer(
                token: try container.decode(String.self, forKey: .token),
                question: try container.decode(Int.self, forKey: .question),
                option: try container.decode(String.self, forKey: .option))
        case "watch":
            self = .watch(key: try container.decodeIfPresent(String.self, forKey: .key) ?? "")
        case "command":
            self = .command(
                secret: try container.decode(String.self, forKey: .secret),
                command: try container.decode(String.self, forKey: .command))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown message type '\(other)'")
        }
    }
}

/// What the server sends: the room's state as each page needs it.
public struct ServerMessage: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case joined, refused, lobby, question, answered, counts, reveal, ended
    }

    public var type: Kind
    public var reason: String?
    public var participant: Int?
    public var name: String?
    public var token: String?
    public var participants: Int?
    /// The join code, for the projector view only (it is on the screen for the room anyway).
    public var code: String?
    public var question: QuestionView?
    public var chosen: String?
    public var counts: [OptionCount]?
    public var answered: Int?
    public var reveal: RevealView?
    /// At the end, to one participant's own page only: whether they passed, and why.
    public var outcome: OutcomeView?

    public init(type: Kind) {
        self.type = type
    }

    /// A question as pages show it: the story so far, the prompt and the options.
    public struct QuestionView: Sendable, Equatable, Encodable {
        public var index: Int
        public var number: Int
        public var of: Int
        public var kind: String
        public var title: String
        public var story: [String]
        public var prompt: String
        public var options: [OptionView]
    }

    public struct OptionView: Sendable, Equatable, Encodable {
        public var id: String
        public var letter: String
        public var text: String
    }

    public struct OptionCount: Sendable, Equatable, Encodable {
        public var id: String
        public var count: Int
    }

    /// The answer, with the protocol step, its citation and the engine's reasons; the
    /// category's definition; and why each other option is wrong, so each phone can tell its
    /// participant why their choice was not the answer.
    public struct RevealView: Sendable, Equatable, Encodable {
        public var index: Int
        public var correct: String
        public var answer: String
        public var citation: String
        public var reasons: [String]
        public var definition: String?
        /// Option id → why that option is wrong for this case.
        public var whyWrong: [String: String]
    }

    /// One participant's result, scored as their completion record is (``Records/ScoreSummary``).
    public struct OutcomeView: Sendable, Equatable, Encodable {
        public var passed: Bool
        public var percent: Int
        /// The scoring policy's reasons: the score against the pass mark, critical mistakes, a
        /// session ended early.
        public var reasons: [String]
    }
}
