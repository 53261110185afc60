import ProtocolEngine
import Records
import ScenarioEngine

/// How many of an attempt's questions on some weak areas were answered correctly.
public struct WeakAreaShare: Sendable, Equatable {
    public var correct: Int
    public var asked: Int

    public init(correct: Int, asked: Int) {
        self.correct = correct
        self.asked = asked
    }

    /// The share correct, in whole percent; nil when nothing was asked.
    public var percent: Int? { asked == 0 ? nil : (correct * 100 + asked / 2) / asked }
}

extension WeakAreas {
    /// `record`'s questions on these weak categories and how many it answered correctly: each
    /// category question whose correct answer is a weak category, and each next-step question
    /// while a weak category is in force (read with `catalog`, its jurisdiction's). Nothing when
    /// the record is of another county.
    public func share(in record: CompletionRecord, catalog: OptionCatalog) -> WeakAreaShare {
        guard JurisdictionID(record.training.jurisdiction) == jurisdiction else { return WeakAreaShare(correct: 0, asked: 0) }
        var share = WeakAreaShare(correct: 0, asked: 0)
        var inForce: [String: CategoryID?] = [:]
        for question in record.questions {
            if question.kind == QuestionKind.category.rawValue,
                case .category(let category) = catalog.option(question.correctOption)?.origin
            {
                inForce[question.vignette] = .some(category)
            }
            guard let category = inForce[question.vignette], categories.contains(category) else { continue }
            share.asked += 1
            if question.chosenOption == question.correctOption { share.correct += 1 }
        }
        return share
    }
}
