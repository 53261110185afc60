import Foundation

/// Saves an invitation sheet or mail-merge file whole or not at all (``PDFAtomicFile``): the
/// links in it are secrets, and a half-written file would hand out some and lose others. Only
/// its owner may read it (permissions 0600).
enum InvitationFile {
    static func write(_ data: Data, to url: URL) throws(InvitationSheetError) {
        do {
            try PDFAtomicFile.write(data, to: url, permissions: 0o600)
        } catch {
            switch error {
            case .cannotWrite(let path, let reason): throw .cannotWrite(path: path, reason: reason)
            case .cannotRender(let reason): throw .cannotRender(reason: reason)
            }
        }
    }
}
