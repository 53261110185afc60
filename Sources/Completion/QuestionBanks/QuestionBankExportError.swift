/// Why a question bank could not be written.
public enum QuestionBankExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// A package goes into a new or empty folder, and this one holds files.
    case directoryNotEmpty(path: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "Cannot write \(path): \(reason). Check that the folder exists and that you may write there."
        case .directoryNotEmpty(let path):
            "\(path) already holds files. A QTI package is written into a new or empty folder: choose another, or empty this one."
        }
    }
}
