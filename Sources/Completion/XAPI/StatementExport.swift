import ContentLoading
import Foundation
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Storage
import Training
import XAPI

/// Completion records as xAPI statements (``XAPI/RecordStatements``): what `records export
/// --format xapi` writes and what is sent to a learning record store. With the content loaded,
/// a record made from the same protocol (its protocol hash matches) gets its questions rebuilt
/// from its seed and the vignettes it drew, and each question that agrees with the record (its
/// id, its correct option, the chosen option among its options) lists every choice with its
/// text; any other answer lists only the chosen and the correct choice, with their text when the
/// content still offers those options.
///
/// The vignette-bank hash is not compared: records made before 2026-11-30 carry one that differed
/// from one process to the next for the same bank (a set in the vignettes was encoded in hash
/// order, since fixed), so it cannot tell whether the bank changed; the per-question agreement
/// stands in for it.
public struct StatementExport: Sendable {
    public let records: any RecordRepository
    public let statements: RecordStatements
    private let content: TrainingContent?
    /// The loaded content's protocol hash by jurisdiction id.
    private let protocolHashes: [String: String]

    public init(records: any RecordRepository, actors: ActorPolicy, content: TrainingContent?) {
        self.records = records
        statements = RecordStatements(actors: actors)
        self.content = content
        // As TrainingModule(_:training:seed:) fingerprints the content a record was made from.
        protocolHashes = Dictionary(
            (content?.library.protocols ?? []).map { ($0.id.rawValue, ContentFingerprint.sha256(of: $0)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Calls `body` with each record that verifies and its statements; returns a problem for
    /// each record that does not verify.
    public func forEachRecord(_ body: (VerifiedRecord, [Statement]) async throws(StorageError) -> Void)
        async throws(StorageError) -> [StorageError]
    {
        try await records.forEachRecord { record throws(StorageError) in
            try await body(record, statements(of: record.record))
        }
    }

    /// Every record's statements, in one array, and the records left out.
    public func allStatements() async throws(StorageError) -> (statements: [Statement], problems: [StorageError]) {
        var all: [Statement] = []
        let problems = try await forEachRecord { _, statements throws(StorageError) in all += statements }
        return (all, problems)
    }

    /// The statements of `record`, its questions rebuilt when the loaded content is the one it was made from.
    public func statements(of record: CompletionRecord) -> [Statement] {
        guard let content, let jurisdiction = content.library.jurisdiction(record.training.jurisdiction) else {
            return statements.statements(for: record)
        }
        guard protocolHashes[record.training.jurisdiction] == record.training.protocolHash else {
            return statements.statements(for: record)
        }
        var drawn: [VignetteID] = []
        for question in record.questions where !drawn.contains(VignetteID(question.vignette)) {
            drawn.append(VignetteID(question.vignette))
        }
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, drawn: drawn, seed: record.training.seed,
            builder: content.questionBuilder)
        return statements.statements(for: record, questions: plan.questions)
    }
}
