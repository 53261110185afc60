/// What the player shows and reports, as the JSON it reads (`content.js`): the content note, the
/// briefing, the vignettes with their two-part questions, each question's correct option as the
/// protocol engine computed it at export time, the explanations with their citations, and the
/// scoring policy. The player looks answers up here; it never works one out.
public struct PlayerContent: Sendable, Codable, Equatable {
    /// The format of this JSON, for the player to refuse one it does not know
    /// (`schemas/lms-player-content.schema.json`).
    public static let formatName = "csec-trainer-lms-player-content"
    public static let currentFormatVersion = 1

    public var format: String
    public var formatVersion: Int
    /// "CSEC response training: Marin County".
    public var title: String
    public var jurisdiction: Jurisdiction
    public var seed: UInt64
    public var contentNote: Note
    public var briefing: BriefingContent
    public var cases: [Case]
    public var scoring: Scoring
    /// Where each question's xAPI activity id starts (cmi5); the interaction id follows.
    public var questionIRIBase: String

    public struct Jurisdiction: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
    }

    /// The note every session opens with, and where to get support.
    public struct Note: Sendable, Codable, Equatable {
        public var heading: String
        public var text: String
        public var supportLines: [String]
    }

    public struct BriefingContent: Sendable, Codable, Equatable {
        public var title: String
        public var protocolLine: String
        public var sections: [Section]
    }

    public struct Section: Sendable, Codable, Equatable {
        public var heading: String
        public var blocks: [Block]
    }

    /// A paragraph, subheading, note, list or numbered step of the briefing.
    public struct Block: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable, Equatable {
            case paragraph, subheading, list, step, note
        }

        public var kind: Kind
        public var text: String?
        public var items: [String]?
        public var number: Int?
    }

    /// A vignette and the questions asked about it, stage by stage.
    public struct Case: Sendable, Codable, Equatable {
        public var vignetteID: String
        public var title: String
        public var narrative: String
        public var questions: [Question]
    }

    public struct Question: Sendable, Codable, Equatable {
        /// The engine's question id (`vignette#stage/kind`).
        public var id: String
        /// The SCORM interaction id: `q<number>_<id>` with only `[A-Za-z0-9_-]`.
        public var interactionID: String
        public var number: Int
        public var kind: String
        /// "Situation category" or "Next step".
        public var kindName: String
        /// What has happened since the case began, up to this question's stage (each stage's
        /// narrative, in order; the case's own narrative comes first and is not repeated).
        public var story: [String]
        public var prompt: String
        public var options: [Option]
        /// The correct option's letter.
        public var correct: String
        public var points: Int
        public var explanation: Explanation
    }

    public struct Option: Sendable, Codable, Equatable {
        /// `a`, `b`, `c`… in the order shown: the SCORM 1.2 choice response.
        public var letter: String
        public var text: String
        /// Why this option is wrong for this case; nil for the correct one.
        public var whyWrong: String?
        /// Why this option is a common mistake, when it is one.
        public var mistake: String?
        /// Whether choosing it fails the attempt under the policy.
        public var critical: Bool
    }

    public struct Explanation: Sendable, Codable, Equatable {
        public var answer: String
        /// Where the answer is printed (document, heading, step label).
        public var source: String
        public var reasons: [String]
        public var definition: String?
    }

    /// The policy the player scores with, as the Scoring target does.
    public struct Scoring: Sendable, Codable, Equatable {
        public var policy: String
        /// 0...1.
        public var passMark: Double
        public var passPercent: Int
        public var criticalMistakesFail: Bool
    }

    /// Every question, in the order asked.
    public var questions: [Question] { cases.flatMap(\.questions) }
}
