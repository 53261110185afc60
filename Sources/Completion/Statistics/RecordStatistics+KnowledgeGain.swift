import ContentLoading
import ItemAnalysis
import ProtocolEngine
import Records
import Storage

extension RecordStatistics {
    /// The knowledge gain between the pre-tests in `scope` and the training attempts after them
    /// (``ItemAnalysis/KnowledgeGain``), over the records that verify, with the records left out
    /// because they do not. Only the records of people who took a pre-test are read: their
    /// pre-tests and their individually scored training attempts, each in `scope` (a pair whose
    /// pre-test and training were at different schools counts only where both are in scope).
    public func knowledgeGain(of scope: AnalysisScope) async throws(StatisticsError) -> (
        report: KnowledgeGainReport, problems: [StorageError]
    ) {
        if let jurisdiction = scope.jurisdiction, library.jurisdiction(jurisdiction) == nil {
            throw .unknownJurisdiction(jurisdiction, known: library.jurisdictionIDs)
        }
        let gain = KnowledgeGain(content: contentByJurisdiction)
        do {
            let found = try await records.summaries()
            let inScope = found.summaries.filter { scope.jurisdiction == nil || $0.jurisdiction == scope.jurisdiction }
            let tested = Set(
                inScope.compactMap { summary in
                    if case .practice(.preTest, _) = summary.outcome { PersonKey(summary.trainee) } else { nil }
                })
            var problems = found.problems
            var attempts: [KnowledgeGain.Attempt] = []
            for summary in inScope where tested.contains(PersonKey(summary.trainee)) && summary.outcome.isReadForGain {
                do {
                    let record = try await records.find(summary.id).record
                    guard scope.includes(AnswerSheet(record)), let attempt = KnowledgeGain.Attempt(record) else { continue }
                    attempts.append(attempt)
                } catch {
                    problems.append(error)
                }
            }
            return (gain.report(of: attempts), problems)
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

extension CompletionOutcome {
    /// A pre-test or a scored training attempt: not group attendance, not a refresher.
    fileprivate var isReadForGain: Bool {
        switch self {
        case .scored, .practice(.preTest, _): true
        case .attended, .practice: false
        }
    }
}
