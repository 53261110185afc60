import Foundation

extension CompletionRecord {
    /// Decodes a record and refuses one whose parts do not fit together: group attendance
    /// (version 2 only) has an attendance summary and no score; every other mode has a score.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        id = try container.decode(UUID.self, forKey: .id)
        trainee = try container.decode(Trainee.self, forKey: .trainee)
        training = try container.decode(TrainingModule.self, forKey: .training)
        mode = try container.decode(TrainingMode.self, forKey: .mode)
        startedAt = try container.decode(Timestamp.self, forKey: .startedAt)
        completedAt = try container.decode(Timestamp.self, forKey: .completedAt)
        activeSeconds = try container.decode(Int.self, forKey: .activeSeconds)
        questions = try container.decode([QuestionResult].self, forKey: .questions)
        score = try container.decodeIfPresent(ScoreSummary.self, forKey: .score)
        attendance = try container.decodeIfPresent(AttendanceSummary.self, forKey: .attendance)
        legalNote = try container.decode(String.self, forKey: .legalNote)
        let isAttendance = mode.kind == .groupAttendance
        guard isAttendance ? score == nil && attendance != nil && schemaVersion >= 2 : score != nil && attendance == nil
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .score, in: container,
                debugDescription: isAttendance
                    ? "a group-attendance record (schema version 2) has an attendance summary and no score"
                    : "a \(mode.kind.rawValue) record has a score and no attendance summary")
        }
    }
}
