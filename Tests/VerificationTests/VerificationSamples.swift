import Certificates
import Crypto
import Foundation
import RecordStore
import Records
import TestSupport
import Testing

@testable import Verification

/// A district's key, a record it signed, and the sealed certificate of that record.
struct VerificationSample {
    let key: InstallationKey
    let signed: SignedRecord
    let recordFile: Data
    let details: CertificateDetails

    init(
        key: InstallationKey = InstallationKey(privateKey: .init()), name: String = "Zoë Łukasiewicz-O'Brien",
        id: UUID = UUID()
    ) throws {
        self.key = key
        signed = try SignedRecord(signing: SampleRecords.record(id: id, name: name, percent: 92), with: key)
        recordFile = try signed.fileContents()
        details = CertificateDetails(signed: signed, issuer: "Sample Unified School District")
    }

    /// The keys a verifier elsewhere is given: this key, named after its district.
    var keySet: TrustedKeys {
        TrustedKeys([TrustedKeys.Key(publicKey: key.publicKey, issuer: "Tamalpais Union High School District")])
    }

    func sealedPDF() throws -> Data {
        try PDFCertificate(sealing: recordFile, with: key.privateKey).render(details)
    }

    /// The key of the committed fixtures (made from a fixed seed, so the fixtures can be made
    /// again; a real installation's key is random).
    static func fixtureKey() throws -> InstallationKey {
        InstallationKey(
            privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: Data(SHA256.hash(data: Data("fixture".utf8)))))
    }

    /// The record id of the fixtures.
    static let fixtureRecordID = UUID(uuidString: "0C5D1E2F-3A4B-4C6D-8E9F-A0B1C2D3E4F5")!

    static let fixtures = Fixtures.repositoryRoot.appending(path: "Tests/VerificationTests/Fixtures")
}

/// Runs qpdf and poppler's tools: skipped with a message outside CI when missing, failed in CI.
enum PDFTools {
    static func run(_ tool: String, _ arguments: [String]) throws -> Program.Result? {
        guard let executable = Program.locate(tool) else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("\(tool) is not installed: CI installs qpdf and poppler-utils")
            } else {
                print("skipped: \(tool) is not installed (install qpdf and poppler-utils)")
            }
            return nil
        }
        return try Program.run(executable, arguments)
    }
}
