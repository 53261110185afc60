/// Why content could not be loaded.
public enum ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file is wrong at a place in it.
    case invalid(file: String, at: SourceLocation?, problem: ContentProblem)
    /// A file or directory could not be read.
    case unreadable(path: String, reason: String)
    /// A protocols directory holds no protocol files.
    case noProtocols(directory: String)
    /// Two protocol files use the same jurisdiction id.
    case duplicateJurisdiction(id: String, files: [String])
    /// The bundled content could not be found.
    case contentNotFound(searched: [String])
    /// Several of the above, from several files.
    case several([ContentError])

    public var description: String {
        switch self {
        case .invalid(let file, let location, let problem):
            "\(file):\(location.map { "\($0):" } ?? "") error: \(problem.message)"
        case .unreadable(let path, let reason):
            "\(path): error: cannot read it (\(reason)). Check the path and its permissions."
        case .noProtocols(let directory):
            "\(directory): error: no protocol files (*.yaml) here. Choose a directory that holds protocol files."
        case .duplicateJurisdiction(let id, let files):
            "error: jurisdiction id '\(id)' is used by \(files.joined(separator: " and ")). Give each protocol file its own id."
        case .contentNotFound(let searched):
            "error: cannot find csec-trainer's content (Scoring/vocabulary.yaml). Looked in: "
                + searched.joined(separator: ", ")
                + ". Install it with scripts/install.sh, run from the repository, "
                + "or set CSEC_TRAINER_CONTENT to the directory that holds Scoring/."
        case .several(let errors):
            errors.map(\.description).joined(separator: "\n")
        }
    }

    /// The file an error is about, if it is about one.
    public var file: String? {
        switch self {
        case .invalid(let file, _, _): file
        case .unreadable(let path, _): path
        default: nil
        }
    }

    /// The individual errors, flattened.
    public var all: [ContentError] {
        if case .several(let errors) = self { return errors.flatMap(\.all) }
        return [self]
    }
}
