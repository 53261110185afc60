import Foundation
import ProtocolEngine
import ScenarioEngine

extension VignetteFile {
    /// Checks ids against the vocabulary and the loaded jurisdictions, and builds the vignette.
    func validated(against library: ProtocolLibrary, in document: YAMLDocument) throws(ContentError) -> Vignette {
        var problems = ProblemCollector(document: document)
        let root = DocumentPath()
        let vocabulary = library.vocabulary

        func checkIndicators(_ ids: [String], at path: DocumentPath) {
            for (index, id) in ids.enumerated() where vocabulary.indicator(IndicatorID(id)) == nil {
                let known = vocabulary.indicators.map(\.id.rawValue)
                problems.report(.unknownIndicator(id, suggestion: closestMatch(to: id, among: known)), at: path / index)
            }
        }
        checkIndicators(facts.indicators, at: root / "facts" / "indicators")
        if narrative.allSatisfy(\.isWhitespace) {
            problems.report(.emptyList("narrative"), at: root / "narrative")
        }
        for (index, stage) in stages.enumerated() {
            checkIndicators(stage.add.indicators, at: root / "stages" / index / "add" / "indicators")
            for (actionIndex, id) in stage.done.enumerated() where vocabulary.action(ActionID(id)) == nil {
                let known = vocabulary.actions.map(\.id.rawValue)
                problems.report(
                    .unknownAction(id, suggestion: closestMatch(to: id, among: known)),
                    at: root / "stages" / index / "done" / actionIndex)
            }
        }
        // A later stage may find the evidence sufficient after an earlier one found it not; one
        // list of facts cannot say both.
        let factLists = [(facts, root / "facts")] + stages.enumerated().map { ($1.add, root / "stages" / $0 / "add") }
        for (list, path) in factLists where list.flags.contains(.evidenceSufficient) && list.flags.contains(.evidenceInsufficient)
        {
            problems.report(
                .conflictingFlags(CaseFlag.evidenceSufficient.rawValue, CaseFlag.evidenceInsufficient.rawValue),
                at: path / "flags")
        }
        for (jurisdictionID, expectation) in expect.sorted(by: { $0.key < $1.key }) {
            let path = root / "expect" / jurisdictionID
            guard let jurisdiction = library.jurisdiction(jurisdictionID) else {
                problems.report(.unknownJurisdiction(jurisdictionID, known: library.jurisdictionIDs), at: path)
                continue
            }
            if expectation.category != "none", jurisdiction.category(CategoryID(expectation.category)) == nil {
                let categories = jurisdiction.categories.map(\.id.rawValue)
                problems.report(
                    .invalidValue(key: "category", value: expectation.category, allowed: categories + ["none"]),
                    at: path / "category")
            }
            if expectation.next.count > max(stages.count, 1) {
                problems.report(
                    .invalidValue(
                        key: "next", value: "\(expectation.next.count) entries",
                        allowed: ["at most one entry per stage (\(max(stages.count, 1)))"]),
                    at: path / "next")
            }
        }
        try problems.finish()
        return model
    }

    private var model: Vignette {
        Vignette(
            id: VignetteID(id), title: title, narrative: narrative, facts: facts.model,
            stages: stages.map {
                Stage(narrative: $0.narrative, done: Set($0.done.map { ActionID($0) }), addedFacts: $0.add.model)
            },
            tags: VignetteTags(audience: tags.audience, difficulty: tags.difficulty, topics: tags.topics),
            expectations: Dictionary(
                uniqueKeysWithValues: expect.map { key, value in
                    (
                        JurisdictionID(key),
                        AuthorExpectation(
                            category: value.category == "none" ? nil : CategoryID(value.category), nextSteps: value.next)
                    )
                }))
    }
}

extension VignetteFile.FactList {
    var model: Facts { Facts(indicators: Set(indicators.map { IndicatorID($0) }), flags: Set(flags)) }
}
