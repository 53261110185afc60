import Crypto
import Foundation
import RecordStore
import Records
import TestSupport
import Testing

/// Records copied from a school's machine check out on another with that school's public key,
/// without a key of its own.
struct RecordVerificationWithKeysTests {
    let school = FileManager.default.temporaryDirectory.appending(path: "csec-school-\(UUID().uuidString)")

    @Test func copiedRecordsVerifyWithTheSchoolsKeySet() throws {
        defer { try? FileManager.default.removeItem(at: school) }
        let key = try InstallationKey.loadOrCreate(in: school)
        let store = RecordStore(dataDirectory: school, key: key)
        for name in ["Ana Ruiz", "Kim Lee"] { try store.save(SampleRecords.record(name: name)) }
        let keys = TrustedKeys([TrustedKeys.Key(publicKey: key.publicKey, issuer: "Redwood High School")])
        let audit = RecordStore.audit(in: store.directory, trusting: keys)
        #expect(audit.problems.isEmpty)
        #expect(audit.verified.count == 2)
        #expect(audit.notLogged.isEmpty, "the log checks out with the public key alone")

        let stranger = TrustedKeys([
            TrustedKeys.Key(publicKey: InstallationKey(privateKey: .init()).publicKey, issuer: "Elsewhere")
        ])
        let refused = RecordStore.audit(in: store.directory, trusting: stranger)
        #expect(refused.verified.isEmpty)
        #expect(refused.problems.contains { $0.description.contains("not one of the keys it is checked with") })
    }
}
