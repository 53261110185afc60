import ContentLoading
import ItemAnalysis
import ProtocolEngine
import Records

/// The item analysis read against the bundled content, as `records stats` reads it.
struct ItemAnalysisFixture {
    let content: TrainingContent

    var analysis: ItemAnalysis {
        ItemAnalysis(
            content: Dictionary(
                uniqueKeysWithValues: content.library.protocols.map {
                    ($0.id.rawValue, AnalysisContent(jurisdiction: $0, mistakes: content.mistakes))
                }))
    }

    func analyse(_ records: [CompletionRecord], jurisdiction: String = "marin") -> JurisdictionAnalysis {
        analysis.analysis(of: jurisdiction, sheets: records.map(AnswerSheet.init))
    }
}
