import Foundation
import ZIPFoundation

extension LMSPackage {
    /// Every entry's modification date: fixed, so the same package zips to the same bytes.
    public static let entryDate = Date(timeIntervalSince1970: 1_764_547_200)  // 2025-12-01T00:00:00Z

    /// The package as a zip archive (deflated entries, in ``files`` order, all dated ``entryDate``).
    public func zipped() throws(LMSPackageError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for file in files {
                let bytes = file.bytes
                try archive.addEntry(
                    with: file.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw LMSPackageError.cannotZip(reason: "the archive holds no data") }
            return data
        } catch let error as LMSPackageError {
            throw error
        } catch {
            throw .cannotZip(reason: "\(error)")
        }
    }
}
