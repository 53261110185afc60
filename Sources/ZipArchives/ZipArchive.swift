import Foundation
import ZIPFoundation

/// A zip archive made in memory from files given as values: deflated entries in the order
/// given, each dated ``entryDate``, so the same files always zip to the same bytes.
public struct ZipArchive: Sendable, Equatable {
    /// One file of the archive: its path inside the archive (`/`-separated) and its bytes.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var bytes: Data

        public init(path: String, bytes: Data) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// Every entry's modification date: fixed, so an archive is reproducible byte for byte.
    public static let entryDate = Date(timeIntervalSince1970: 1_764_547_200)  // 2025-12-01T00:00:00Z

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The archive's bytes.
    public func data() throws(ZipArchiveError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for entry in entries {
                let bytes = entry.bytes
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ZipArchiveError.cannotZip(reason: "the archive holds no data") }
            return data
        } catch let error as ZipArchiveError {
            throw error
        } catch {
            throw .cannotZip(reason: "\(error)")
        }
    }
}
