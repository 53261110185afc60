import ItemAnalysis
import Storage

/// What ``RecordStatistics/reports(of:only:)`` found: the item analysis, the knowledge gain, or
/// both, and the records left out because they do not verify.
public struct StatisticsReports: Sendable {
    /// One of the two reports.
    public enum Kind: String, Sendable, CaseIterable {
        case itemAnalysis = "item-analysis"
        case knowledgeGain = "knowledge-gain"
    }

    public var analysis: ItemAnalysisReport?
    public var gain: KnowledgeGainReport?
    public var problems: [StorageError]

    public init(analysis: ItemAnalysisReport?, gain: KnowledgeGainReport?, problems: [StorageError]) {
        self.analysis = analysis
        self.gain = gain
        self.problems = problems
    }

    /// The files of each report, the item analysis first.
    public func files(_ format: StatisticsFiles.Format, names: [String: String]) -> [StatisticsFiles.File] {
        (analysis.map { StatisticsFiles(report: $0, names: names).files(format) } ?? [])
            + (gain.map { KnowledgeGainFiles(report: $0, names: names).files(format) } ?? [])
    }

    /// "2 records, 1 counties; 1 pre-test and training pairs".
    public var counts: String {
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
