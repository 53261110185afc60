import Foundation
import RecordStore
import Records

extension CertificateIssuer {
    /// Writes into `directory` the certificate of every record of group session `sessionID` in
    /// `store` that completes training (passed, or attended), each verified first; returns the
    /// files.
    public func writeCertificates(
        ofSession sessionID: String, in store: RecordStore, into directory: URL
    ) async throws(CertificateError) -> [URL] {
        let attendees = store.loadAll().records.filter {
            $0.record.mode.sessionID == sessionID && $0.record.outcome.completesTraining
        }
        guard !attendees.isEmpty else { throw .noSessionRecords(session: sessionID, location: store.directory.path) }
        var files: [URL] = []
        for stored in attendees {
            do {
                try store.verify(stored)
            } catch {
                throw .notVerified(record: stored.record.id, reason: error.description)
            }
            files.append(try await write(stored.signed, into: directory))
        }
        return files
    }
}
