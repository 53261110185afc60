import Certificates
import RecordStore
import Verification

extension CertificateDetails {
    /// What the certificate of a stored record shows (``init(signed:issuer:)``).
    init(_ stored: StoredRecord, issuer: String) {
        self.init(signed: stored.signed, issuer: issuer)
    }
}
