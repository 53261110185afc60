/// Why a package cannot be made.
public enum LMSPackageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A question has more options than SCORM 1.2 can name with one character each.
    case tooManyOptions(question: String, count: Int)
    /// A question's correct option is not among its options (a content error the engine should have caught).
    case noCorrectOption(question: String)
    /// A file of the player is missing from the content's Web/player/ folder.
    case missingPlayerFile(path: String)
    /// The zip archive could not be written.
    case cannotZip(reason: String)

    public var description: String {
        switch self {
        case .tooManyOptions(let question, let count):
            "Question \(question) has \(count) options; a SCORM 1.2 package can name at most "
                + "\(ChoiceLetter.alphabet.count). Shorten the question's options in the content."
        case .noCorrectOption(let question):
            "Question \(question) has no correct option among its options; run `csec-trainer scenarios lint` on the content."
        case .missingPlayerFile(let path):
            "\(path): error: a file of the LMS player is missing; reinstall the content (Web/player/)."
        case .cannotZip(let reason):
            "The package cannot be zipped: \(reason)."
        }
    }
}
