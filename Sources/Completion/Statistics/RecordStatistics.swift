import ContentLoading
import ItemAnalysis
import ProtocolEngine
import ScenarioEngine
import Storage

/// Item analysis and knowledge gain of the stored records: what staff get wrong, per
/// jurisdiction, read against the loaded content (its categories and its catalogue of mistakes),
/// and what they learned between a pre-test and the training. The figures come from the
/// repository (``RecordRepository/statistics(_:_:in:)``): computed in Swift from the verified
/// answer sheets on the embedded store, where a database backend may compute them itself.
public struct RecordStatistics: Sendable {
    public let records: any RecordRepository
    public let library: ProtocolLibrary
    public let mistakes: [CommonMistake]

    public init(records: any RecordRepository, library: ProtocolLibrary, mistakes: [CommonMistake]) {
        self.records = records
        self.library = library
        self.mistakes = mistakes
    }

    /// The analysis of the records in `scope` (one jurisdiction's or every one's, one school's or
    /// every school's), with the records left out because they do not verify.
    public func analysis(of scope: AnalysisScope) async throws(StatisticsError) -> (
        report: ItemAnalysisReport, problems: [StorageError]
    ) {
        try check(scope)
        do {
            let found = try await records.itemAnalysis(ItemAnalysis(content: contentByJurisdiction), in: scope)
            return (found.report, found.problems)
        } catch {
            throw .storage(error)
        }
    }

    /// The item analysis and the knowledge gain of the records in `scope`, or only one of them,
    /// over one reading of the records where the store can do that.
    public func reports(of scope: AnalysisScope, only: StatisticsReports.Kind? = nil) async throws(StatisticsError)
        -> StatisticsReports
    {
        switch only {
        case .itemAnalysis?:
            let found = try await analysis(of: scope)
            return StatisticsReports(analysis: found.report, gain: nil, problems: found.problems)
        case .knowledgeGain?:
            let found = try await knowledgeGain(of: scope)
            return StatisticsReports(analysis: nil, gain: found.report, problems: found.problems)
        case nil:
            try check(scope)
            do {
                let content = contentByJurisdiction
                let found = try await records.statistics(
                    ItemAnalysis(content: content), KnowledgeGain(content: content), in: scope)
                return StatisticsReports(analysis: found.itemAnalysis, gain: found.knowledgeGain, problems: found.problems)
            } catch {
                throw .storage(error)
            }
        }
    }

    /// Refuses a scope whose jurisdiction is not loaded.
    func check(_ scope: AnalysisScope) throws(StatisticsError) {
        if let jurisdiction = scope.jurisdiction, library.jurisdiction(jurisdiction) == nil {
            throw .unknownJurisdiction(jurisdiction, known: library.jurisdictionIDs)
        }
    }

    /// Each county's display name ("Marin County") by id.
    public static func names(in library: ProtocolLibrary) -> [String: String] {
        Dictionary(library.protocols.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
