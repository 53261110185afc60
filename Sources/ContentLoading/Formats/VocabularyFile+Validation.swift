import ProtocolEngine

extension VocabularyFile {
    /// Checks ids are unique and the suspicion rule's thresholds are at least 1.
    func validated(in document: YAMLDocument) throws(ContentError) -> Vocabulary {
        var problems = ProblemCollector(document: document)
        let root = DocumentPath()
        problems.reportDuplicates(actions.map(\.id.rawValue), kind: "action") { root / "actions" / $0 / "id" }
        problems.reportDuplicates(indicators.map(\.id.rawValue), kind: "indicator") { root / "indicators" / $0 / "id" }
        for (key, value) in [
            ("direct-indicators", suspectedVictim.directIndicators), ("warning-signs", suspectedVictim.warningSigns),
        ]
        where value < 1 {
            problems.report(
                .invalidValue(key: key, value: String(value), allowed: ["a whole number of at least 1"]),
                at: root / "suspected-victim" / key)
        }
        try problems.finish()
        return Vocabulary(actions: actions, indicators: indicators, suspicionRule: suspectedVictim)
    }
}
