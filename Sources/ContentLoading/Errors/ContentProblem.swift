/// What is wrong in a content file, and how to fix it.
public enum ContentProblem: Sendable, Equatable {
    /// The text is not valid YAML.
    case yamlSyntax(String)
    /// The file's `format:` is missing or not one this version of csec-trainer reads.
    case unsupportedFormat(found: String?, supported: [Int])
    /// A required key is missing.
    case missingKey(String, in: String)
    /// A value has the wrong type.
    case wrongType(key: String, expected: String)
    /// A value is not one of the allowed words.
    case invalidValue(key: String, value: String, allowed: [String])
    /// A key that this format does not have (often a typo).
    case unknownKey(String, allowed: [String])
    /// An action id that is not in the vocabulary.
    case unknownAction(String, suggestion: String?)
    /// An indicator id that is not in the vocabulary.
    case unknownIndicator(String, suggestion: String?)
    /// A step names a contact the file does not list.
    case unknownContact(String, known: [String])
    /// Two things of one kind share an id.
    case duplicateID(kind: String, id: String)
    /// Steps must be numbered 1, 2, 3 … with none repeated or missing.
    case stepNumberOutOfOrder(expected: Int, found: Int)
    /// A criteria group's threshold must be between 1 and its number of factors.
    case invalidThreshold(group: String, threshold: Int, factorCount: Int)
    /// A list that must not be empty is empty.
    case emptyList(String)
    /// A category covering `at-risk` has no criteria, or criteria sit on another category.
    case criteriaMismatch(category: String, coversAtRisk: Bool)
    /// Two categories cover the same situation.
    case situationCoveredTwice(situation: String, categories: [String])
    /// A jurisdiction id that no loaded protocol has.
    case unknownJurisdiction(String, known: [String])
    /// Two vignettes share an id.
    case duplicateVignette(id: String, otherFile: String)
    case idIsNotFileName(id: String, fileName: String)
    /// The author's `expect:` differs from what the protocol engine computes.
    case expectationMismatch(String)
    /// `unless:` is only meaningful on a step; its condition must differ from `when:`.
    case invalidException(String)
    /// A step's `parts:` names an action the step does not ask for.
    case partOfNoAction(String, stepActions: [String])
    /// Two facts that cannot both hold, such as evidence judged both sufficient and insufficient.
    case conflictingFlags(String, String)
    /// The file goes past one of the limits that keep loading fast (``ContentLimit``).
    case overLimit(ContentLimit)
    /// The file is not UTF-8 text; `byteOffset` counts from 0 to the first byte that is not.
    case notUTF8(byteOffset: Int)

    /// What is wrong, then how to fix it, in words a county trainer understands.
    public var message: String {
        switch self {
        case .yamlSyntax(let detail):
            "This is not valid YAML: \(detail). Check indentation (spaces, not tabs) and quotes around text containing ': '."
        case .unsupportedFormat(let found, let supported):
            "Unsupported format \(found.map { "'\($0)'" } ?? "(no `format:` key)"). "
                + "This version of csec-trainer reads format \(supported.map(String.init).joined(separator: ", ")); "
                + "write `format: \(supported.last ?? 1)` (a plain number) at the top of the file, or update csec-trainer."
        case .missingKey(let key, let place):
            "\(place) has no `\(key):`. Add it (the file formats are described in docs/)."
        case .wrongType(let key, let expected):
            "`\(key)` should be \(expected)."
        case .invalidValue(let key, let value, let allowed):
            "`\(key)` cannot be '\(value)'. Use one of: \(allowed.joined(separator: ", "))."
        case .unknownKey(let key, let allowed):
            "Unknown key `\(key)` (a typo?). Keys allowed here: \(allowed.joined(separator: ", "))."
        case .unknownAction(let id, let suggestion):
            "Unknown action '\(id)'.\(suggestion.map { " Did you mean '\($0)'?" } ?? "") "
                + "Actions come from Scoring/vocabulary.yaml; use one listed there or add it there."
        case .unknownIndicator(let id, let suggestion):
            "Unknown indicator '\(id)'.\(suggestion.map { " Did you mean '\($0)'?" } ?? "") "
                + "Indicators come from Scoring/vocabulary.yaml; use one listed there or add it there."
        case .unknownContact(let id, let known):
            "Unknown contact '\(id)'. Add it under `contacts:` or use one of: "
                + (known.isEmpty ? "(this file lists no contacts)" : known.joined(separator: ", ")) + "."
        case .duplicateID(let kind, let id):
            "The \(kind) id '\(id)' is used twice. Give each \(kind) its own id."
        case .stepNumberOutOfOrder(let expected, let found):
            "Step number \(found) is out of order: expected \(expected). Number the steps 1, 2, 3 … as printed, none repeated or missing."
        case .invalidThreshold(let group, let threshold, let count):
            "Criteria group '\(group)' has threshold \(threshold) but \(count) factor\(count == 1 ? "" : "s"). "
                + "The threshold is how many factors must be present: between 1 and \(count)."
        case .emptyList(let key):
            "`\(key)` is empty. List at least one."
        case .criteriaMismatch(let category, let coversAtRisk):
            coversAtRisk
                ? "Category '\(category)' covers at-risk but has no `criteria:`. Add the at-risk criteria groups with their thresholds."
                : "Category '\(category)' has `criteria:` but does not cover at-risk. Add `at-risk` to `covers:` or move the criteria."
        case .situationCoveredTwice(let situation, let categories):
            "The situation '\(situation)' is covered by more than one category (\(categories.joined(separator: ", "))). "
                + "Each situation belongs to one category."
        case .invalidException(let detail):
            detail
        case .unknownJurisdiction(let id, let known):
            "Unknown jurisdiction '\(id)'. Use one of: \(known.joined(separator: ", "))."
        case .idIsNotFileName(let id, let fileName):
            "The id '\(id)' must be the file name without its extension ('\(fileName)'). Rename the file or change the id."
        case .duplicateVignette(let id, let otherFile):
            "The vignette id '\(id)' is also used by \(otherFile). Give each vignette its own id."
        case .expectationMismatch(let detail):
            "\(detail). Fix the facts or stages, or the `expect:` block (the protocol engine is the answer key)."
        case .partOfNoAction(let action, let stepActions):
            "`parts:` names '\(action)', which this step's `actions:` does not list (\(stepActions.joined(separator: ", "))). "
                + "Give the words of one of the step's own actions."
        case .conflictingFlags(let first, let second):
            "'\(first)' and '\(second)' cannot both hold. Keep the one the story states."
        case .overLimit(let limit):
            limit.message
        case .notUTF8(let offset):
            "This file is not UTF-8 text: byte \(offset) (counting from 0) is not part of a UTF-8 character. "
                + "Save the file as UTF-8 in your editor (a file saved as UTF-16 or Windows-1252 shows this)."
        }
    }
}
