import Foundation
import RecordStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The versioned JSON files of ``FileAccountStore`` (docs/accounts.md, schemas/accounts.schema.json):
/// `{"format": "<format>", "formatVersion": 1, …}`.
struct AccountFile<Contents: Codable>: Codable {
    var format: String
    var version: Int
    var contents: Contents

    static var currentVersion: Int { 1 }

    private enum CodingKeys: String, CodingKey {
        case format
        case version = "formatVersion"
    }

    private struct ContentsKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(format: String, version: Int = Self.currentVersion, contents: Contents) {
        self.format = format
        self.version = version
        self.contents = contents
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        contents = try Contents(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try contents.encode(to: encoder)
    }
}

/// Reading and writing the store's files: whole files replaced in one step (a temporary file
/// flushed, then renamed over the old one), under an exclusive lock between processes.
struct AccountFiles: Sendable {
    let directory: URL
    let operations: any FileOperations

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Runs `body` holding the exclusive lock of `accounts/.lock`.
    func locked<Result>(_ body: () throws(AccountError) -> Result) throws(AccountError) -> Result {
        try makeDirectory(directory)
        let path = directory.appending(path: ".lock").path
        let lock = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw .storage(location: path, reason: FileProblem.words(errno: errno)) }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .storage(location: path, reason: FileProblem.words(errno: errno)) }
        }
        return try body()
    }

    /// The contents of `file` (a name in the directory, or a path under it), nil when it does
    /// not exist; a file of a version above `newestVersion` is refused. With a `cache`, a file
    /// unchanged since it was last read is not decoded again.
    func read<Contents: Codable>(
        _ file: String, format: String, as type: Contents.Type,
        newestVersion: Int = AccountFile<Contents>.currentVersion, cache: DecodedFileCache<Contents>? = nil
    ) throws(AccountError) -> Contents? {
        let url = directory.appending(path: file)
        guard let cache else {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                if FileManager.default.fileExists(atPath: url.path) { throw Self.unreadable(url) }
                return nil
            }
            return try Self.decode(data, from: url, format: format, newestVersion: newestVersion)
        }
        do {
            return try cache.value(at: url.path) { data in
                try Self.decode(data, from: url, format: format, newestVersion: newestVersion)
            }
        } catch let error as AccountError {
            throw error
        } catch {
            throw Self.unreadable(url)
        }
    }

    private static func unreadable(_ url: URL) -> AccountError {
        .storage(location: url.path, reason: "cannot be read (permission denied, or not a file)")
    }

    private static func decode<Contents: Codable>(
        _ data: Data, from url: URL, format: String, newestVersion: Int
    ) throws(AccountError) -> Contents {
        let decoded: AccountFile<Contents>
        do {
            decoded = try Self.decoder.decode(AccountFile<Contents>.self, from: data)
        } catch {
            throw .storage(location: url.path, reason: "not a csec-trainer \(format) file (\(error))")
        }
        guard decoded.format == format else {
            throw .storage(location: url.path, reason: "not a csec-trainer \(format) file (its format is \(decoded.format))")
        }
        guard decoded.version <= newestVersion else {
            throw .unsupportedVersion(location: url.path, found: decoded.version, supported: newestVersion)
        }
        return decoded.contents
    }

    /// Replaces `file` with `contents` in one step (readable by its owner only), marked with
    /// `version`. With `flush`, the file and its name are on the disk before this returns.
    func write<Contents: Codable>(
        _ contents: Contents, to file: String, format: String, version: Int = AccountFile<Contents>.currentVersion,
        flush: Bool = true
    ) throws(AccountError) {
        let url = directory.appending(path: file)
        try makeDirectory(url.deletingLastPathComponent())
        let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            let data = try Self.encoder.encode(AccountFile(format: format, version: version, contents: contents))
            let descriptor = try operations.createNew(temporary.path, mode: 0o600)
            if flush {
                try operations.writeFlushAndClose(data, to: descriptor)
            } else {
                do { try operations.write(data, to: descriptor) } catch {
                    try? operations.close(descriptor)
                    throw error
                }
                try operations.close(descriptor)
            }
            try operations.rename(temporary.path, over: url.path)
            // The rename itself on the disk too: a used link stays used after a power cut.
            if flush { try operations.syncDirectory(url.deletingLastPathComponent().path) }
        } catch {
            try? operations.unlink(temporary.path)
            throw .storage(location: url.path, reason: "cannot be written: \(FileProblem.words(for: error))")
        }
    }

    func makeDirectory(_ url: URL) throws(AccountError) {
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .storage(location: url.path, reason: "cannot be created: \(FileProblem.words(for: error))")
        }
    }
}
