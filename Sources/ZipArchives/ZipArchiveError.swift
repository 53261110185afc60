/// Why an archive could not be made.
public enum ZipArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The zip library could not write the archive in memory.
    case cannotZip(reason: String)

    public var description: String {
        switch self {
        case .cannotZip(let reason): "The files cannot be zipped: \(reason)."
        }
    }
}
