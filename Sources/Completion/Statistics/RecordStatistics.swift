import ContentLoading
import ItemAnalysis
import ProtocolEngine
import ScenarioEngine
import Storage

/// Item analysis of the stored records: what staff get wrong, per jurisdiction, read against
/// the loaded content (its categories and its catalogue of mistakes). The figures come from the
/// repository (``RecordRepository/itemAnalysis(_:in:)``): computed in Swift from the
/// verified answer sheets on the embedded store, where a database backend may compute them itself.
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
        if let jurisdiction = scope.jurisdiction, library.jurisdiction(jurisdiction) == nil {
            throw .unknownJurisdiction(jurisdiction, known: library.jurisdictionIDs)
        }
        let analysis = ItemAnalysis(content: contentByJurisdiction)
        do {
            let found = try await records.itemAnalysis(analysis, in: scope)
            return (found.report, found.problems)
        } catch {
            throw .storage(error)
        }
    }

    /// Each county's display name ("Marin County") by id.
    public static func names(in library: ProtocolLibrary) -> [String: String] {
        Dictionary(library.protocols.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
