import ContentLoading
import ProtocolEngine
import Records
import TerminalUI
import Training

/// What a group session, live or offline, starts from: its id and facilitator, the county
/// protocol and content, the planned questions, and what its end writes.
struct SessionSetup: Sendable {
    let sessionID: String
    let facilitator: String
    let jurisdiction: JurisdictionProtocol
    let training: TrainingContent
    let plan: TrainingPlan
    let ending: SessionEnding
    var output: any TextOutput { ending.output }

    /// The training module every record of the session names.
    var module: TrainingModule { TrainingModule(jurisdiction, training: training, seed: plan.seed) }
}
