import ProtocolEngine
import ScenarioEngine

/// What the content says about one jurisdiction's answers: every option its questions can
/// offer (to tell a category or a catalogued mistake from its id) and its categories in the
/// order the county prints them (the rows and columns of the confusion matrix).
public struct AnalysisContent: Sendable, Equatable {
    public var catalog: OptionCatalog
    /// The county's categories, in its order: id and printed name.
    public var categories: [(id: String, name: String)]
    /// What each option id stands for.
    let meanings: [String: OptionMeaning]

    public init(jurisdiction: JurisdictionProtocol, mistakes: [CommonMistake]) {
        catalog = OptionCatalog(jurisdiction: jurisdiction, mistakes: mistakes)
        categories = jurisdiction.categories.map { ($0.id.rawValue, $0.name) }
        meanings = Self.meanings(of: catalog)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.catalog == rhs.catalog && lhs.categories.elementsEqual(rhs.categories) { $0 == $1 }
    }

    /// What an option id stands for in this content; nil when no question here offers it.
    func meaning(of option: String) -> OptionMeaning? {
        meanings[option]
    }
}

extension AnalysisContent {
    /// Every option's meaning by its id's text, computed once from the catalog.
    static func meanings(of catalog: OptionCatalog) -> [String: OptionMeaning] {
        Dictionary(
            uniqueKeysWithValues: catalog.options.map { id, option in
                let meaning: OptionMeaning =
                    switch option.origin {
                    case .category(let category): .category(category?.rawValue)
                    case .mistake(let id, let critical, _): .mistake(id.rawValue, critical: critical)
                    default: .response
                    }
                return (id.rawValue, meaning)
            })
    }
}

/// What a chosen or correct option stands for.
enum OptionMeaning: Sendable, Equatable {
    /// A situation category; nil for "does not meet protocol criteria".
    case category(String?)
    /// A catalogued common mistake.
    case mistake(String, critical: Bool)
    /// A step, an alternative, the emergency call or "complete".
    case response
}
