import Foundation
import ProtocolEngine
import Records
import ScenarioEngine

/// What one attempt found a person got wrong, read from its record against the content (never
/// from the shape of an option id): the situation categories they missed and the catalogued
/// mistakes they chose.
///
/// A category is weak when the person missed a category question whose correct answer it was
/// (nil stands for "does not meet protocol criteria"), or chose a catalogued mistake at a
/// next-step question while it was the category in force (the one the vignette's latest category
/// question at or before that stage named). A mistake is weak when they chose it.
public struct WeakAreas: Sendable, Equatable {
    /// The jurisdiction of the attempt that found them: categories are the county's own.
    public var jurisdiction: JurisdictionID
    /// The record of the attempt that found them.
    public var recordID: UUID
    /// The categories missed; nil for "does not meet protocol criteria".
    public var categories: Set<CategoryID?>
    /// The catalogued mistakes chosen.
    public var mistakes: Set<MistakeID>

    public init(jurisdiction: JurisdictionID, recordID: UUID, categories: Set<CategoryID?>, mistakes: Set<MistakeID>) {
        self.jurisdiction = jurisdiction
        self.recordID = recordID
        self.categories = categories
        self.mistakes = mistakes
    }

    /// What `record` shows its person got wrong, reading its option ids with `catalog` (the
    /// catalog of the record's jurisdiction).
    public init(found record: CompletionRecord, catalog: OptionCatalog) {
        var categories: Set<CategoryID?> = []
        var mistakes: Set<MistakeID> = []
        // The category in force at each vignette's stage so far: records list questions in the
        // order asked, a vignette's stages in order.
        var inForce: [String: CategoryID?] = [:]
        for question in record.questions {
            let correct = catalog.option(question.correctOption)?.origin
            if question.kind == QuestionKind.category.rawValue, case .category(let category) = correct {
                inForce[question.vignette] = .some(category)
                if question.chosenOption != question.correctOption { categories.insert(category) }
            }
            if let mistake = catalog.option(question.chosenOption)?.mistake {
                mistakes.insert(mistake.id)
                if let category = inForce[question.vignette] { categories.insert(category) }
            }
        }
        self.init(
            jurisdiction: JurisdictionID(record.training.jurisdiction), recordID: record.id, categories: categories,
            mistakes: mistakes)
    }

    /// Whether the attempt found nothing wrong.
    public var isEmpty: Bool { categories.isEmpty && mistakes.isEmpty }
}
