import ProtocolEngine

/// Every option a question under a jurisdiction can offer, by id, made with the same
/// constructors the ``QuestionBuilder`` uses: the county's categories and "does not meet
/// protocol criteria", its steps and alternatives, the emergency call, "complete", and every
/// catalogued mistake. Reading a stored answer's option id against it says what the answer
/// was (which category, which mistake and whether it is critical) from the content itself,
/// never from the shape of the id.
public struct OptionCatalog: Sendable, Equatable {
    public let jurisdiction: JurisdictionID
    /// The options by id (a step shared by wording keeps its first category's option).
    public let options: [OptionID: AnswerOption]

    public init(jurisdiction: JurisdictionProtocol, mistakes: [CommonMistake]) {
        self.jurisdiction = jurisdiction.id
        var all: [AnswerOption] = jurisdiction.categories.map(AnswerOption.category) + [.doesNotMeetCriteria]
        for category in jurisdiction.categories {
            for step in category.steps {
                all.append(.step(step, in: category))
                if let instead = step.exception?.instead { all.append(.alternative(instead, of: step, in: category)) }
            }
        }
        all += [.emergency(jurisdiction.emergency), .complete] + mistakes.map(AnswerOption.mistake)
        options = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The option whose id is `id`, if this content offers one.
    public func option(_ id: String) -> AnswerOption? { options[OptionID(id)] }
}
