import Dispatch
import Records
import Synchronization

/// Computes the item analysis of answer sheets. Pure: the same sheets and content give the same
/// report, byte for byte, whatever their order.
public struct ItemAnalysis: Sendable {
    /// The content of each jurisdiction, by id: what its option ids stand for. A jurisdiction
    /// without content is still analysed, with every answer unmatched.
    public var content: [String: AnalysisContent]

    public init(content: [String: AnalysisContent]) {
        self.content = content
    }

    /// Every jurisdiction of `sheets`, by id.
    public func report(of sheets: [AnswerSheet]) -> ItemAnalysisReport {
        let jurisdictions = Set(sheets.map(\.jurisdiction)).sorted()
        return ItemAnalysisReport(jurisdictions: jurisdictions.map { analysis(of: $0, sheets: sheets) })
    }

    /// The analysis of `jurisdiction` over those of `sheets` that are its. Large sets are
    /// counted in parallel, in chunks merged in order; every figure is a count (discrimination
    /// too, ``Correlation``), so the chunks' order changes nothing.
    public func analysis(of jurisdiction: String, sheets: [AnswerSheet]) -> JurisdictionAnalysis {
        let mine = sheets.indices.filter { sheets[$0].jurisdiction == jurisdiction }
        let content = content[jurisdiction]
        let chunkCount = max(1, min(32, mine.count / 4_096))
        let tallies = Mutex([Tally?](repeating: nil, count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var tally = Tally(content: content)
            for position in (mine.count * chunk / chunkCount)..<(mine.count * (chunk + 1) / chunkCount) {
                tally.add(sheets[mine[position]])
            }
            tallies.withLock { $0[chunk] = tally }
        }
        var total = Tally(content: content)
        for tally in tallies.withLock({ $0 }) { if let tally { total.merge(tally) } }
        return total.analysis(of: jurisdiction)
    }
}
