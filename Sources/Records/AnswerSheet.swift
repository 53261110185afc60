import Foundation

/// What item analysis and the knowledge gain need of one completion record: whose answers (the
/// person, and their jurisdiction, district, school and role), why and when the attempt was
/// taken, whether the person was scored alone, and every answer with its item and points. The
/// store keeps it as a cached, verified digest of the record, so that statistics over many
/// records need not read and verify every file again.
public struct AnswerSheet: Sendable, Equatable, Codable {
    /// The record's id, lowercase, as in its file name.
    public var id: String
    /// Who took the attempt, as the compliance report finds people (``PersonKey``).
    public var person: PersonKey
    public var jurisdiction: String
    public var district: String?
    public var school: String?
    public var role: String?
    public var purpose: AttemptPurpose
    public var completedAt: Timestamp
    /// False for group attendance: the room's consensus answers, nobody scored alone.
    public var isIndividuallyScored: Bool
    public var answers: [Answer]

    /// One answered question: which item (vignette, stage, kind), the option chosen, the
    /// correct option, and the points.
    public struct Answer: Sendable, Equatable, Codable {
        public var vignette: String
        /// As in the record: 1 for the first stage.
        public var stage: Int
        /// "category" or "next-step".
        public var kind: String
        public var chosenOption: String
        public var correctOption: String
        public var points: Int
        public var possiblePoints: Int

        public init(
            vignette: String, stage: Int, kind: String, chosenOption: String, correctOption: String, points: Int,
            possiblePoints: Int
        ) {
            self.vignette = vignette
            self.stage = stage
            self.kind = kind
            self.chosenOption = chosenOption
            self.correctOption = correctOption
            self.points = points
            self.possiblePoints = possiblePoints
        }

        public var isCorrect: Bool { chosenOption == correctOption }
    }

    public init(
        id: String, person: PersonKey, jurisdiction: String, district: String?, school: String?, role: String?,
        purpose: AttemptPurpose, completedAt: Timestamp, isIndividuallyScored: Bool, answers: [Answer]
    ) {
        self.id = id
        self.person = person
        self.jurisdiction = jurisdiction
        self.district = district
        self.school = school
        self.role = role
        self.purpose = purpose
        self.completedAt = completedAt
        self.isIndividuallyScored = isIndividuallyScored
        self.answers = answers
    }

    /// The answer sheet of `record`.
    public init(_ record: CompletionRecord) {
        self.init(
            id: record.id.uuidString.lowercased(), person: PersonKey(record.trainee),
            jurisdiction: record.training.jurisdiction, district: record.trainee.district, school: record.trainee.school,
            role: record.trainee.role, purpose: record.purpose ?? .training, completedAt: record.completedAt,
            isIndividuallyScored: record.mode.kind != .groupAttendance,
            answers: record.questions.map { question in
                Answer(
                    vignette: question.vignette, stage: question.stage, kind: question.kind,
                    chosenOption: question.chosenOption, correctOption: question.correctOption, points: question.points,
                    possiblePoints: question.possiblePoints)
            })
    }
}
