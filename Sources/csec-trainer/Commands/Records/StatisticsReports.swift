import ArgumentParser
import Completion
import ItemAnalysis
import Storage

/// `records stats --only`: one of the two reports.
enum StatisticsReportChoice: String, ExpressibleByArgument, CaseIterable {
    case itemAnalysis = "item-analysis"
    case knowledgeGain = "knowledge-gain"
}

/// What `records stats` found: the item analysis, the knowledge gain, or both, and the records
/// left out because they do not verify.
struct StatisticsReports: Sendable {
    var analysis: ItemAnalysisReport?
    var gain: KnowledgeGainReport?
    var problems: [StorageError]

    /// The files of each report, the item analysis first.
    func files(_ format: StatisticsFiles.Format, names: [String: String]) -> [StatisticsFiles.File] {
        (analysis.map { StatisticsFiles(report: $0, names: names).files(format) } ?? [])
            + (gain.map { KnowledgeGainFiles(report: $0, names: names).files(format) } ?? [])
    }

    /// "2 records, 1 counties; 1 pre-test and training pairs".
    var counts: String {
        var parts: [String] = []
        if let analysis {
            let records = analysis.jurisdictions.reduce(0) { $0 + $1.records }
            parts.append("\(records) records, \(analysis.jurisdictions.count) counties")
        }
        if let gain, analysis == nil || !gain.jurisdictions.isEmpty {
            parts.append("\(gain.jurisdictions.reduce(0) { $0 + $1.pairs }) pre-test and training pairs")
        }
        return parts.joined(separator: "; ")
    }
}

extension RecordStatistics {
    /// The reports `only` asks for (both without it), over the records in `scope`.
    func reports(of scope: AnalysisScope, only: StatisticsReportChoice?) async throws(StatisticsError) -> StatisticsReports {
        let analysis = only == .knowledgeGain ? nil : try await analysis(of: scope)
        let gain = only == .itemAnalysis ? nil : try await knowledgeGain(of: scope)
        return StatisticsReports(
            analysis: analysis?.report, gain: gain?.report, problems: analysis?.problems ?? gain?.problems ?? [])
    }
}
