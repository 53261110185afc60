import ProtocolEngine

extension ProtocolFile {
    /// Checks the file against the vocabulary and its own rules, and builds the engine's
    /// protocol. Every problem found is reported with its line and column.
    func validated(against vocabulary: Vocabulary, in document: YAMLDocument) throws(ContentError) -> JurisdictionProtocol {
        var problems = ProblemCollector(document: document)
        let root = DocumentPath()
        let checker = IDChecker(vocabulary: vocabulary, contacts: contacts.map(\.id))

        checker.checkActions(emergency.actions, at: root / "emergency" / "actions", into: &problems)
        problems.reportDuplicates(contacts.map(\.id), kind: "contact") { root / "contacts" / $0 / "id" }
        if categories.isEmpty { problems.report(.emptyList("categories"), at: root / "categories") }
        problems.reportDuplicates(categories.map(\.id), kind: "category") { root / "categories" / $0 / "id" }
        for situation in Situation.allCases {
            let covering = categories.filter { $0.covers.contains(situation) }.map(\.id)
            if covering.count > 1 {
                problems.report(
                    .situationCoveredTwice(situation: situation.rawValue, categories: covering), at: root / "categories")
            }
        }
        for (index, category) in categories.enumerated() {
            category.validate(at: root / "categories" / index, checker: checker, into: &problems)
        }
        for (index, equivalence) in equivalences.enumerated() {
            let path = root / "equivalences" / index
            checker.checkActions([equivalence.action], at: path / "action", into: &problems)
            checker.checkActions(equivalence.doneBy, at: path / "done-by", into: &problems)
        }
        try problems.finish()
        return makeProtocol()
    }

    private func makeProtocol() -> JurisdictionProtocol {
        JurisdictionProtocol(
            id: JurisdictionID(id), name: name, title: title, publisher: publisher,
            source: ProtocolSource(
                seed: source.seed, printedVersion: source.printedVersion, reading: source.reading, citeAs: source.citeAs),
            emergency: EmergencyRule(
                printed: emergency.printed, wording: emergency.wording, actions: emergency.actions.map { ActionID($0) },
                reading: emergency.reading),
            contacts: contacts.map { Contact(id: ContactID($0.id), name: $0.name, phone: $0.phone, web: $0.web) },
            categories: categories.map(\.model),
            equivalences: equivalences.map {
                ActionEquivalence(
                    action: ActionID($0.action), doneBy: $0.doneBy.map { ActionID($0) }, quote: $0.quote, reading: $0.reading)
            })
    }
}

extension ProtocolFile.Category {
    fileprivate func validate(at path: DocumentPath, checker: IDChecker, into problems: inout ProblemCollector) {
        if covers.isEmpty { problems.report(.emptyList("covers"), at: path / "covers") }
        if covers.contains(.atRisk) == criteria.isEmpty {
            problems.report(.criteriaMismatch(category: id, coversAtRisk: covers.contains(.atRisk)), at: path / "id")
        }
        problems.reportDuplicates(criteria.map(\.id), kind: "criteria group") { path / "criteria" / $0 / "id" }
        for (index, group) in criteria.enumerated() {
            let groupPath = path / "criteria" / index
            if group.factors.isEmpty { problems.report(.emptyList("factors"), at: groupPath / "factors") }
            if group.threshold < 1 || group.threshold > max(group.factors.count, 1) {
                problems.report(
                    .invalidThreshold(group: group.id, threshold: group.threshold, factorCount: group.factors.count),
                    at: groupPath / "threshold")
            }
            for (factorIndex, factor) in group.factors.enumerated() {
                checker.checkIndicators(
                    factor.indicators, at: groupPath / "factors" / factorIndex / "indicators", into: &problems)
            }
        }
        if steps.isEmpty { problems.report(.emptyList("steps"), at: path / "steps") }
        for (index, step) in steps.enumerated() {
            let stepPath = path / "steps" / index
            if step.number != index + 1 {
                problems.report(.stepNumberOutOfOrder(expected: index + 1, found: step.number), at: stepPath / "number")
            }
            checker.checkActions(step.actions, at: stepPath / "actions", into: &problems)
            checker.checkContacts(step.contacts, at: stepPath / "contacts", into: &problems)
            for action in step.parts.keys.sorted() where !step.actions.contains(action) {
                problems.report(.partOfNoAction(action, stepActions: step.actions), at: stepPath / "parts" / action)
            }
            if let exception = step.unless {
                if exception.condition == step.when {
                    problems.report(
                        .invalidException(
                            "`unless:` repeats the step's `when:` condition; an exception needs a different condition."),
                        at: stepPath / "unless" / "condition")
                }
                checker.checkActions(exception.instead.actions, at: stepPath / "unless" / "instead" / "actions", into: &problems)
                checker.checkContacts(
                    exception.instead.contacts, at: stepPath / "unless" / "instead" / "contacts", into: &problems)
            }
        }
    }

    fileprivate var model: SituationCategory {
        SituationCategory(
            id: CategoryID(id), name: name, covers: covers,
            criteria: criteria.map { group in
                CriteriaGroup(
                    id: group.id, title: group.title, threshold: group.threshold,
                    factors: group.factors.map {
                        RiskFactor(wording: $0.wording, indicators: $0.indicators.map { IndicatorID($0) })
                    })
            },
            steps: steps.map(\.model), reading: reading)
    }
}

extension ProtocolFile.Step {
    fileprivate var model: ProtocolStep {
        ProtocolStep(
            number: number, wording: wording, actor: actor, actions: actions.map { ActionID($0) }, condition: when,
            exception: unless.map { exception in
                StepException(
                    condition: exception.condition,
                    instead: AlternativeAction(
                        wording: exception.instead.wording, actions: exception.instead.actions.map { ActionID($0) },
                        contacts: exception.instead.contacts.map { ContactID($0) }))
            },
            contacts: contacts.map { ContactID($0) }, reading: reading, label: label,
            parts: Dictionary(uniqueKeysWithValues: parts.map { (ActionID($0.key), $0.value) }))
    }
}

/// Checks ids against the vocabulary and the file's own contacts.
private struct IDChecker {
    let vocabulary: Vocabulary
    let contacts: [String]

    func checkActions(_ ids: [String], at path: DocumentPath, into problems: inout ProblemCollector) {
        if ids.isEmpty { problems.report(.emptyList(path.lastKey), at: path) }
        let known = vocabulary.actions.map(\.id.rawValue)
        for (index, id) in ids.enumerated() where !known.contains(id) {
            problems.report(.unknownAction(id, suggestion: closestMatch(to: id, among: known)), at: path / index)
        }
    }

    func checkIndicators(_ ids: [String], at path: DocumentPath, into problems: inout ProblemCollector) {
        if ids.isEmpty { problems.report(.emptyList(path.lastKey), at: path) }
        let known = vocabulary.indicators.map(\.id.rawValue)
        for (index, id) in ids.enumerated() where !known.contains(id) {
            problems.report(.unknownIndicator(id, suggestion: closestMatch(to: id, among: known)), at: path / index)
        }
    }

    func checkContacts(_ ids: [String], at path: DocumentPath, into problems: inout ProblemCollector) {
        for (index, id) in ids.enumerated() where !contacts.contains(id) {
            problems.report(.unknownContact(id, known: contacts), at: path / index)
        }
    }
}
