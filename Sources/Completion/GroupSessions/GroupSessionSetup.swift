import ContentLoading
import ProtocolEngine
import Records
import Training

/// What a group session, live or offline, starts from: its id and facilitator, the county
/// protocol and content, and the planned questions.
public struct GroupSessionSetup: Sendable {
    public let sessionID: String
    public let facilitator: String
    public let jurisdiction: JurisdictionProtocol
    public let training: TrainingContent
    public let plan: TrainingPlan

    public init(
        sessionID: String, facilitator: String, jurisdiction: JurisdictionProtocol, training: TrainingContent,
        plan: TrainingPlan
    ) {
        self.sessionID = sessionID
        self.facilitator = facilitator
        self.jurisdiction = jurisdiction
        self.training = training
        self.plan = plan
    }

    /// The training module every record of the session names.
    public var module: TrainingModule { TrainingModule(jurisdiction, training: training, seed: plan.seed) }
}

extension GroupSessionSetup {
    /// A new session's setup: `count` vignettes of `jurisdiction` chosen with `seed` (default:
    /// from `generator`), and an id from today's date and `generator`.
    public static func new(
        jurisdiction: JurisdictionProtocol, facilitator: String, training: TrainingContent, count: Int, seed: UInt64?,
        clock: TrainingClock, using generator: inout some RandomNumberGenerator
    ) -> GroupSessionSetup {
        let id =
            "session-\(CalendarDate(clock.now(), utcOffsetSeconds: 0))-\(UInt32.random(in: 0...UInt32.max, using: &generator))"
        let plan = TrainingPlan(
            bank: training.vignettes, jurisdiction: jurisdiction, count: count, seed: seed ?? generator.next(),
            builder: training.questionBuilder)
        return GroupSessionSetup(
            sessionID: id, facilitator: facilitator, jurisdiction: jurisdiction, training: training, plan: plan)
    }
}
