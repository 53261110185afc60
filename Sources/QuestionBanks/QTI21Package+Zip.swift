import Foundation
import ZipArchives

extension QTI21Package {
    /// The package as one zip archive, as item banks import it: ``files`` in their order (the
    /// manifest first, at the root), deflated and dated ``ZipArchive/entryDate``, so the same
    /// bank zips to the same bytes.
    public func zipped() throws(ZipArchiveError) -> Data {
        try ZipArchive(entries: files.map { ZipArchive.Entry(path: $0.path, bytes: Data($0.contents.utf8)) }).data()
    }
}
