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
