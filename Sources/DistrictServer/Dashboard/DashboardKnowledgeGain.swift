import Accounts
import Completion
import ContentLoading
import ItemAnalysis
import ProtocolEngine
import Storage

extension DistrictServer {
    /// The knowledge gain of the people `role` sees (every school, or a site administrator's
    /// own), on this server's protocol; nil when the records cannot be read (the dashboard then
    /// says nothing of it rather than failing).
    func knowledgeGain(seenBy role: AdministratorRole) async -> KnowledgeGainReport? {
        let statistics = RecordStatistics(
            records: training.records, library: training.content.library, mistakes: training.content.mistakes)
        let scope = AnalysisScope(jurisdiction: jurisdiction.id.rawValue, school: role.school)
        return try? await statistics.knowledgeGain(of: scope).report
    }

    /// Each category id of this server's protocol, by its printed name.
    var categoryNames: [String: String] {
        Dictionary(jurisdiction.categories.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
