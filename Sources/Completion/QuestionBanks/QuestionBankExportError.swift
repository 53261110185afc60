/// Why a question bank could not be written.
public enum QuestionBankExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// A package goes into a new or empty folder, and this one holds files.
    case directoryNotEmpty(path: String)
    /// The package could not be zipped in memory (`reason` says why, as a sentence).
    case cannotZip(reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "Cannot write \(path): \(reason). Check that the folder exists and that you may write there."
        case .directoryNotEmpty(let path):
            "\(path) already holds files. A QTI package is written into a new or empty folder: choose another, "
                + "empty this one, or give a name ending in .zip to write one zip file."
        case .cannotZip(let reason):
            "\(reason) Write the QTI package into a folder instead (a name that does not end in .zip)."
        }
    }
}
