import Foundation

/// What an installation says about itself, set once: the district or school that issues its
/// records, certificates and credentials. Kept in `<data dir>/settings.json`:
///
/// ```json
/// { "format": "csec-trainer-settings", "issuer": "Tamalpais Union High School District", "version": 1 }
/// ```
///
/// Described by `schemas/settings.schema.json`. A missing file means no settings (the issuer
/// is then "csec-trainer"); a file from a newer csec-trainer is refused, never misread.
public struct InstallationSettings: Sendable, Codable, Equatable {
    public static let format = "csec-trainer-settings"
    public static let supportedVersions = [1]

    public var format: String
    public var version: Int
    /// The district or school named as the issuer of what this installation signs.
    public var issuer: String?

    public init(issuer: String?) {
        format = Self.format
        version = 1
        self.issuer = issuer
    }

    public static func file(in dataDirectory: URL) -> URL {
        dataDirectory.appending(path: "settings.json")
    }

    /// The settings in `dataDirectory`; empty settings when there is no file.
    public static func load(in dataDirectory: URL) throws(RecordStoreError) -> InstallationSettings {
        let file = Self.file(in: dataDirectory)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return InstallationSettings(issuer: nil)
        }
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == format else {
            throw .badSettings(path: file.path, reason: "it has no \"format\": \"\(format)\"")
        }
        guard let version = header.version, supportedVersions.contains(version) else {
            throw .badSettings(
                path: file.path,
                reason: "settings version \(header.version.map(String.init) ?? "(none)") is newer than this csec-trainer "
                    + "reads; update csec-trainer")
        }
        guard let settings = try? JSONDecoder().decode(InstallationSettings.self, from: data) else {
            throw .badSettings(path: file.path, reason: "\"issuer\" must be a string")
        }
        return settings
    }

    /// Saves the settings in `dataDirectory` (created if missing), replacing the file whole.
    public func save(in dataDirectory: URL, operations: some FileOperations = SystemFileOperations())
        throws(RecordStoreError)
    {
        let file = Self.file(in: dataDirectory)
        let temporary = dataDirectory.appending(path: ".settings-\(UUID().uuidString).tmp")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let contents = try encoder.encode(self) + Data("\n".utf8)
            try operations.makeDirectoryWithParents(dataDirectory.path, mode: 0o700)
            let descriptor = try operations.createNew(temporary.path, mode: 0o600)
            try operations.writeFlushAndClose(contents, to: descriptor)
            try operations.rename(temporary.path, over: file.path)
        } catch let error as FileOperationError {
            try? operations.unlink(temporary.path)
            throw .cannotWrite(path: file.path, reason: error.description)
        } catch {
            throw .cannotWrite(path: file.path, reason: "the settings could not be written")
        }
    }
}
