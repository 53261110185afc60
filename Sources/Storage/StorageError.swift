import RecordStore

/// What can go wrong with stored data, in words a trainer can act on.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A problem with the signed record files of the embedded store.
    case files(RecordStoreError)

    public var description: String {
        switch self {
        case .files(let error): error.description
        }
    }
}
