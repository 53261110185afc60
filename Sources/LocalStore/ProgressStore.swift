import Foundation

/// Saves and loads the session in progress (`in-progress.json` in the data directory).
public struct ProgressStore: Sendable {
    public var directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public var file: URL { directory.appending(path: "in-progress.json") }

    /// Writes the whole file anew, atomically (a temporary file renamed over the old one), so a
    /// crash mid-write leaves the previous version intact.
    public func save(_ progress: SessionProgress) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            try encoder.encode(progress).write(to: file, options: [.atomic])
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        } catch {
            throw StoreError.cannotWrite(path: file.path, reason: error.localizedDescription)
        }
    }

    /// The saved session, or nil when there is none.
    public func load() throws(StoreError) -> SessionProgress? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let progress: SessionProgress
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            progress = try decoder.decode(SessionProgress.self, from: Data(contentsOf: file))
        } catch {
            throw StoreError.damaged(path: file.path)
        }
        guard progress.format == SessionProgress.currentFormat else {
            throw StoreError.unsupportedFormat(path: file.path, found: progress.format)
        }
        return progress
    }

    /// Removes the saved session (when it is finished).
    public func clear() throws(StoreError) {
        do {
            if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
        } catch {
            throw StoreError.cannotWrite(path: file.path, reason: error.localizedDescription)
        }
    }
}
