import ContentLoading
import ItemAnalysis
import ProtocolEngine
import Records
import Storage

extension RecordStatistics {
    /// The knowledge gain between the pre-tests in `scope` and the training attempts after them
    /// (``ItemAnalysis/KnowledgeGain``), over the records that verify, with the records left out
    /// because they do not. A pair whose pre-test and training were at different schools counts
    /// only where both are in `scope`.
    public func knowledgeGain(of scope: AnalysisScope) async throws(StatisticsError) -> (
        report: KnowledgeGainReport, problems: [StorageError]
    ) {
        try check(scope)
        do {
            let found = try await records.knowledgeGain(KnowledgeGain(content: contentByJurisdiction), in: scope)
            return (found.report, found.problems)
        } catch {
            throw .storage(error)
        }
    }

    /// The analysis content of every loaded jurisdiction, by id.
    var contentByJurisdiction: [String: AnalysisContent] {
        Dictionary(
            library.protocols.map { ($0.id.rawValue, AnalysisContent(jurisdiction: $0, mistakes: mistakes)) },
            uniquingKeysWith: { first, _ in first })
    }
}
