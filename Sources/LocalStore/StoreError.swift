/// Why saved data could not be read or written.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case damaged(path: String)
    case unsupportedFormat(path: String, found: Int)
    /// Another csec-trainer process has the trainee's session open.
    case inUse(path: String, trainee: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot save (\(reason)). Check that the data directory is yours and the disk has room, "
                + "or choose another data directory."
        case .damaged(let path):
            "\(path): error: the saved session is damaged and cannot be read. Move it aside and start a new session."
        case .unsupportedFormat(let path, let found):
            "\(path): error: saved with a newer csec-trainer (format \(found)). Update csec-trainer, or move the file aside."
        case .inUse(let path, let trainee):
            "\(path): error: \(trainee)'s session is open in another csec-trainer window or process. "
                + "A session is answered in one place at a time: continue there, or quit it there first."
        }
    }
}
