import RecordStore

/// What can go wrong with stored data, in words a trainer can act on.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A problem with the signed record files of the embedded store.
    case files(RecordStoreError)
    /// A problem with the stored staff roster.
    case roster(RosterProblem)

    public var description: String {
        switch self {
        case .files(let error): error.description
        case .roster(let problem): problem.description
        }
    }
}
