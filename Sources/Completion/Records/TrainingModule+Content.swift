import ContentLoading
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine

extension TrainingModule {
    /// The module trained: `jurisdiction`'s protocol and the bank, by version and content hash.
    public init(_ jurisdiction: JurisdictionProtocol, training: TrainingContent, seed: UInt64) {
        self.init(
            module: "csec-response-protocol", jurisdiction: jurisdiction.id.rawValue, jurisdictionName: jurisdiction.name,
            protocolVersion: jurisdiction.source.printedVersion, protocolHash: ContentFingerprint.sha256(of: jurisdiction),
            scenarioBankHash: ContentFingerprint.sha256(of: training.vignettes.sorted { $0.id < $1.id }), seed: seed)
    }
}
