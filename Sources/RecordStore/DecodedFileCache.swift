import Foundation

/// Small files read again and again, kept decoded while they are unchanged: the district server
/// reads the signed-in person's session and their attempt in progress on every request. A file
/// is opened and `fstat`ed each time; the copy decoded earlier is used only while the file's
/// ``FileIdentity`` (inode, size, modification and change times) is the one it was decoded from.
/// Every writer of these files replaces them by renaming a new file over the old one, so a
/// file written by any process since, in this one or another, has another identity and is read
/// again. At most `capacity` files are kept; the one read longest ago goes first.
public final class DecodedFileCache<Value: Sendable>: Sendable {
    private struct Decoded {
        var identity: FileIdentity
        var value: Value
    }

    private let decoded: RecentlyUsed<String, Decoded>

    public init(capacity: Int) {
        decoded = RecentlyUsed(capacity: capacity)
    }

    /// What the file at `path` holds now, decoded by `decode` unless it is unchanged since it
    /// was; nil when there is no file. A file that cannot be read throws ``FileOperationError``,
    /// and what `decode` throws is thrown as it is.
    public func value(at path: String, decode: (Data) throws -> Value) throws -> Value? {
        guard let identity = FileIdentity(path: path) else {
            forget(path)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            // Not a regular file of its own (a link to one, say): read as it is, never kept.
            return try decode(try FileIdentity.read(path).0)
        }
        if let kept = decoded.value(for: path), kept.identity == identity { return kept.value }
        let (data, readFrom) = try FileIdentity.read(path)
        let value = try decode(data)
        // Kept only when no writer changed the file between its `stat` and its reading.
        if let readFrom, readFrom == identity, FileIdentity(path: path) == identity {
            decoded.keep(Decoded(identity: identity, value: value), for: path)
        }
        return value
    }

    /// Keeps `value` as what the file at `path` holds, for a writer that has just written it
    /// there and that no other writer can have replaced since (it holds the file's lock).
    public func remember(_ value: Value, writtenTo path: String) {
        guard let identity = FileIdentity(path: path) else { return forget(path) }
        decoded.keep(Decoded(identity: identity, value: value), for: path)
    }

    /// Drops what is kept of `path` (its file was removed or replaced by this process).
    public func forget(_ path: String) { decoded.forget(path) }

    /// How many files are kept.
    public var count: Int { decoded.count }
}
