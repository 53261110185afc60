import Storage

/// Why statements could not be queued or sent; what to do is in each message.
public enum StatementDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The outbox (a directory of files) could not be read or written.
    case outbox(path: String, reason: String)
    /// Another process is sending from the same outbox now.
    case busy(path: String)
    /// The records could not be read.
    case records(StorageError)

    public var description: String {
        switch self {
        case .outbox(let path, let reason):
            "The xAPI outbox at \(path) could not be used: \(reason). Check that the data directory is writable."
        case .busy(let path):
            "Another csec-trainer process is sending statements from \(path) right now; "
                + "the statements it has not sent stay queued. Try again when it has finished."
        case .records(let error): error.description
        }
    }
}
