import Storage

/// Why item analysis could not be given.
public enum StatisticsError: Error, Equatable, CustomStringConvertible {
    /// The jurisdiction asked for is not one of the loaded protocols.
    case unknownJurisdiction(String, known: [String])
    /// The records could not be read.
    case storage(StorageError)
    /// An output file could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownJurisdiction(let given, let known):
            "error: no county protocol is loaded with the id '\(given)'. Choose one of: \(known.joined(separator: ", "))."
        case .storage(let error):
            error.description
        case .cannotWrite(let path, let reason):
            "\(path): error: the statistics could not be written: \(reason). Check that the folder exists and "
                + "that you may write there."
        }
    }
}
