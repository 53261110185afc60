import ProtocolEngine

/// Which vignettes exercise each cell of jurisdiction × category × branch: a map of the bank
/// against the protocols, with the cells no vignette reaches.
public struct CoverageMatrix: Sendable, Equatable {
    public struct Cell: Sendable, Equatable, Hashable {
        public var jurisdiction: JurisdictionID
        /// Nil for the does-not-meet-criteria row.
        public var category: CategoryID?
        public var branch: CoverageBranch

        public init(jurisdiction: JurisdictionID, category: CategoryID?, branch: CoverageBranch) {
            self.jurisdiction = jurisdiction
            self.category = category
            self.branch = branch
        }
    }

    /// Every cell the protocols define, in protocol, category and branch order.
    public private(set) var cells: [Cell]
    /// The vignettes that exercise each cell, sorted by id.
    public private(set) var vignettes: [Cell: [VignetteID]]

    /// The cells that no vignette exercises.
    public var emptyCells: [Cell] { cells.filter { vignettes[$0, default: []].isEmpty } }

    public init(bank: [Vignette], protocols: [JurisdictionProtocol], engine: ProtocolEngine) {
        cells = protocols.flatMap { jurisdiction in
            jurisdiction.categories.flatMap { category in
                CoverageBranch.defined(by: category).map {
                    Cell(jurisdiction: jurisdiction.id, category: category.id, branch: $0)
                }
            } + [Cell(jurisdiction: jurisdiction.id, category: nil, branch: .doesNotMeetCriteria)]
        }
        var found: [Cell: Set<VignetteID>] = [:]
        for vignette in bank {
            let readings = vignette.factsByStage.map(engine.read)
            for jurisdiction in protocols {
                for (stage, reading) in zip(vignette.stages, readings) {
                    let key = engine.answerKey(for: reading, done: stage.done, under: jurisdiction)
                    for cell in Self.cells(exercisedBy: key, facts: reading.facts, in: jurisdiction) {
                        found[cell, default: []].insert(vignette.id)
                    }
                }
            }
        }
        vignettes = found.mapValues { $0.sorted() }
    }

    /// The cells one stage's answer exercises.
    static func cells(exercisedBy key: AnswerKey, facts: Facts, in jurisdiction: JurisdictionProtocol) -> [Cell] {
        guard let categoryID = key.classification.category, let category = jurisdiction.category(categoryID),
            let decision = key.nextStep
        else {
            return [Cell(jurisdiction: jurisdiction.id, category: nil, branch: .doesNotMeetCriteria)]
        }
        var branches: [CoverageBranch] = [.reached]
        if decision.kind == .emergency { branches.append(.imminentDanger) }
        if decision.kind == .alternative, decision.step?.exception?.condition == .guardianIsSuspectedExploiter {
            branches.append(.guardianException)
        }
        if decision.kind == .step, decision.step?.condition == .evidenceSufficient { branches.append(.evidenceSufficient) }
        for skipped in decision.skipped {
            switch category.step(skipped.number)?.condition {
            case .evidenceSufficient: branches.append(.evidenceNotSufficient)
            case .parentContactAppropriate
            where facts.has(.studentDeclinesParentContact)
                && !facts.has(.guardianIsSuspectedExploiter):
                branches.append(.studentDeclinesParentContact)
            default: break
            }
        }
        return branches.map { Cell(jurisdiction: jurisdiction.id, category: categoryID, branch: $0) }
    }
}
