import Foundation

/// The proof that a staff member completed a training attempt: who, what was trained (the
/// county protocol and the vignette bank, by version and content hash), how (self-paced, in a
/// live group session, or attending an offline room session), when, every question with the
/// chosen and correct options, and the score with pass or fail and its reasons — or, for group
/// attendance, no score: the room answered together, so nobody was scored alone.
///
/// Schema version 2 added group attendance, version 3 the issuer, version 4 the web attempt
/// (``TrainingMode/Kind/selfPacedWeb``), version 5 the purpose of a practice attempt (a pre-test
/// or a refresher: ``AttemptPurpose``); a record is written with the lowest version that can hold
/// it (1 unless it is group attendance, a web attempt, names its issuer or is practice), so older
/// readers keep reading what they can.
/// Documented in docs/completion-records.md and
/// schemas/completion-record.schema.json. Stored as one signed JSON file per record.
public struct CompletionRecord: Sendable, Codable, Equatable, Identifiable {
    /// The versions this code reads (and writes: see `schemaVersion`); every version 1 record
    /// is a valid version 2 record, every version 2 record a valid version 3 record, and every
    /// version 3 record a valid version 4 record, and every version 4 record a valid version 5 record.
    public static let readableSchemaVersions = [1, 2, 3, 4, 5]

    public var schemaVersion: Int
    public var id: UUID
    public var trainee: Trainee
    public var training: TrainingModule
    public var mode: TrainingMode
    public var startedAt: Timestamp
    public var completedAt: Timestamp
    /// Time spent with a question on screen, in whole seconds (long pauses are not counted).
    public var activeSeconds: Int
    /// Every question with the answer given; for group attendance, the room's consensus answers.
    public var questions: [QuestionResult]
    /// The trainee's own score; nil for group attendance (``TrainingMode/Kind/groupAttendance``).
    public var score: ScoreSummary?
    /// For group attendance: how much of the session the room covered.
    public var attendance: AttendanceSummary?
    public var legalNote: String
    /// The district or school that issued the record (the installation's settings when it was
    /// signed: see ``issued(by:)``); nil on records without one.
    public var issuer: String?
    /// Why the attempt was taken, for practice (a pre-test or a refresher: schema version 5); nil
    /// for the training itself. Practice never completes training (``outcome``).
    public var purpose: AttemptPurpose?

    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, trainee, training, mode, startedAt, completedAt, activeSeconds, questions, score
        case attendance, legalNote, issuer, purpose
    }

    /// A record of `purpose` (default: the training itself).
    public init(
        id: UUID, trainee: Trainee, training: TrainingModule, mode: TrainingMode, startedAt: Timestamp,
        completedAt: Timestamp, activeSeconds: Int, questions: [QuestionResult], score: ScoreSummary?,
        attendance: AttendanceSummary? = nil, legalNote: String = LegalNote.text, purpose: AttemptPurpose = .training
    ) {
        self.purpose = purpose == .training ? nil : purpose
        schemaVersion = Self.lowestVersion(holding: mode.kind, purpose: self.purpose)
        self.id = id
        self.trainee = trainee
        self.training = training
        self.mode = mode
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.activeSeconds = activeSeconds
        self.questions = questions
        self.score = score
        self.attendance = attendance
        self.legalNote = legalNote
    }
}

/// How much of a group session an attendee was there for: the questions the room answered, of
/// those planned. A session ended before its last question does not complete the training.
public struct AttendanceSummary: Sendable, Codable, Equatable {
    public var questionsCovered: Int
    public var questionsPlanned: Int

    public init(questionsCovered: Int, questionsPlanned: Int) {
        self.questionsCovered = questionsCovered
        self.questionsPlanned = questionsPlanned
    }

    public var isWholeSession: Bool { questionsCovered >= questionsPlanned }
}

/// Who took the training. Only the name is required; the rest supports district reports.
public struct Trainee: Sendable, Codable, Equatable {
    public var name: String
    public var employeeID: String?
    public var email: String?
    public var school: String?
    /// The district or county office (LEA).
    public var district: String?
    /// "teacher", "counselor", "office staff"…
    public var role: String?
    /// The first day of employment, when known: training is then due six weeks after it.
    public var hireDate: CalendarDate?

    public init(
        name: String, employeeID: String? = nil, email: String? = nil, school: String? = nil, district: String? = nil,
        role: String? = nil, hireDate: CalendarDate? = nil
    ) {
        self.name = name
        self.employeeID = employeeID
        self.email = email
        self.school = school
        self.district = district
        self.role = role
        self.hireDate = hireDate
    }
}

/// What was trained, precisely enough to say later which protocol text and vignettes it was.
public struct TrainingModule: Sendable, Codable, Equatable {
    /// "csec-response-protocol".
    public var module: String
    public var jurisdiction: String
    public var jurisdictionName: String
    /// The version printed on the county's protocol ("3.1.19"), as the protocol file records it.
    public var protocolVersion: String
    /// SHA-256 of the protocol as loaded (canonical JSON), hex: the exact protocol text, whatever
    /// its file's comments or layout.
    public var protocolHash: String
    /// SHA-256 of the vignette bank as loaded (canonical JSON, vignettes by id), hex.
    public var scenarioBankHash: String
    /// The session's seed: the same content and seed replay the same questions.
    public var seed: UInt64

    public init(
        module: String, jurisdiction: String, jurisdictionName: String, protocolVersion: String, protocolHash: String,
        scenarioBankHash: String, seed: UInt64
    ) {
        self.module = module
        self.jurisdiction = jurisdiction
        self.jurisdictionName = jurisdictionName
        self.protocolVersion = protocolVersion
        self.protocolHash = protocolHash
        self.scenarioBankHash = scenarioBankHash
        self.seed = seed
    }
}

/// Self-paced at a terminal, in a trainer-led live group session (each participant answering on
/// their own device), or attending a trainer-led offline room session (one screen, the room's
/// consensus answers).
public struct TrainingMode: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable {
        case selfPaced = "self-paced"
        case groupSession = "group-session"
        /// Attendance at an offline room session: not individually scored (schema version 2).
        case groupAttendance = "group-attendance"
        /// Self-paced, in the browser on the district server (schema version 4): the same attempt
        /// as ``selfPaced``, scored alike.
        case selfPacedWeb = "self-paced-web"
    }

    public var kind: Kind
    /// For a group session or group attendance: the session's id and who led it.
    public var sessionID: String?
    public var facilitator: String?

    public static let selfPaced = TrainingMode(kind: .selfPaced)
    public static let selfPacedWeb = TrainingMode(kind: .selfPacedWeb)

    public static func groupSession(id: String, facilitator: String) -> TrainingMode {
        TrainingMode(kind: .groupSession, sessionID: id, facilitator: facilitator)
    }

    public static func groupAttendance(id: String, facilitator: String) -> TrainingMode {
        TrainingMode(kind: .groupAttendance, sessionID: id, facilitator: facilitator)
    }

    init(kind: Kind, sessionID: String? = nil, facilitator: String? = nil) {
        self.kind = kind
        self.sessionID = sessionID
        self.facilitator = facilitator
    }
}

/// One question of the attempt.
public struct QuestionResult: Sendable, Codable, Equatable {
    public var questionID: String
    /// "category" or "next-step".
    public var kind: String
    public var vignette: String
    public var stage: Int
    public var chosenOption: String
    public var correctOption: String
    public var points: Int
    public var possiblePoints: Int

    public init(
        questionID: String, kind: String, vignette: String, stage: Int, chosenOption: String, correctOption: String,
        points: Int, possiblePoints: Int
    ) {
        self.questionID = questionID
        self.kind = kind
        self.vignette = vignette
        self.stage = stage
        self.chosenOption = chosenOption
        self.correctOption = correctOption
        self.points = points
        self.possiblePoints = possiblePoints
    }
}

/// The score, pass or fail with the policy's reasons, and the policy that decided it.
public struct ScoreSummary: Sendable, Codable, Equatable {
    public var points: Int
    public var possiblePoints: Int
    public var percent: Int
    public var passed: Bool
    public var reasons: [String]
    public var policyID: String
    public var policyVersion: Int

    public init(
        points: Int, possiblePoints: Int, percent: Int, passed: Bool, reasons: [String], policyID: String, policyVersion: Int
    ) {
        self.points = points
        self.possiblePoints = possiblePoints
        self.percent = percent
        self.passed = passed
        self.reasons = reasons
        self.policyID = policyID
        self.policyVersion = policyVersion
    }
}
