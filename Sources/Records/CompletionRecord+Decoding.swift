import Foundation

extension CompletionRecord {
    /// Decodes a record and refuses one whose parts do not fit together: group attendance
    /// (from version 2) has an attendance summary and no score; every other mode has a score;
    /// an issuer needs version 3; a purpose (practice, never the training) version 5 and a score.
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
        issuer = try container.decodeIfPresent(String.self, forKey: .issuer)
        purpose = try container.decodeIfPresent(AttemptPurpose.self, forKey: .purpose)
        if let purpose, purpose == .training || schemaVersion < 5 || mode.kind == .groupAttendance {
            throw DecodingError.dataCorruptedError(
                forKey: .purpose, in: container,
                debugDescription:
                    "a record names its purpose from schema version 5 on, only for practice (pre-test or refresher), and never for group attendance; found \(purpose.rawValue)"
            )
        }
        if issuer != nil, schemaVersion < 3 {
            throw DecodingError.dataCorruptedError(
                forKey: .issuer, in: container, debugDescription: "a record names its issuer from schema version 3 on")
        }
        if schemaVersion < Self.lowestVersion(holding: mode.kind) {
            throw DecodingError.dataCorruptedError(
                forKey: .mode, in: container,
                debugDescription:
                    "a \(mode.kind.rawValue) record has schema version \(Self.lowestVersion(holding: mode.kind)) or later")
        }
        let isAttendance = mode.kind == .groupAttendance
        guard isAttendance ? score == nil && attendance != nil && schemaVersion >= 2 : score != nil && attendance == nil
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .score, in: container,
                debugDescription: isAttendance
                    ? "a group-attendance record (schema version 2 or later) has an attendance summary and no score"
                    : "a \(mode.kind.rawValue) record has a score and no attendance summary")
        }
    }
}

extension CompletionRecord {
    /// The first schema version with `kind`: group attendance came with 2, the web attempt with 4.
    static func lowestVersion(holding kind: TrainingMode.Kind) -> Int {
        switch kind {
        case .selfPaced, .groupSession: 1
        case .groupAttendance: 2
        case .selfPacedWeb: 4
        }
    }

    /// The first schema version with `kind` and `purpose`: practice came with 5.
    static func lowestVersion(holding kind: TrainingMode.Kind, purpose: AttemptPurpose?) -> Int {
        purpose == nil ? lowestVersion(holding: kind) : 5
    }
}
