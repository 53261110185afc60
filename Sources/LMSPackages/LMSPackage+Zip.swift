import Foundation
import ZipArchives

extension LMSPackage {
    /// Every entry's modification date: fixed, so the same package zips to the same bytes.
    public static var entryDate: Date { ZipArchive.entryDate }

    /// The package as a zip archive (deflated entries, in ``files`` order, all dated ``entryDate``).
    public func zipped() throws(LMSPackageError) -> Data {
        do {
            return try ZipArchive(entries: files.map { ZipArchive.Entry(path: $0.path, bytes: $0.bytes) }).data()
        } catch {
            switch error {
            case .cannotZip(let reason): throw .cannotZip(reason: reason)
            }
        }
    }
}
