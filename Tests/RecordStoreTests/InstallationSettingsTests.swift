import Foundation
import RecordStore
import Records
import TestSupport
import Testing

/// The issuer is set once in the installation's settings and named by every record signed
/// afterwards.
struct InstallationSettingsTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-settings-\(UUID().uuidString)")

    @Test func settingsAreSavedAndReadBack() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        #expect(try InstallationSettings.load(in: dataDirectory).issuer == nil, "no file: no settings")
        try InstallationSettings(issuer: "Tamalpais Union High School District").save(in: dataDirectory)
        #expect(try InstallationSettings.load(in: dataDirectory).issuer == "Tamalpais Union High School District")
        let file = InstallationSettings.file(in: dataDirectory)
        let schema = Fixtures.repositoryRoot.appending(path: "schemas/settings.schema.json")
        #expect(try JSONSchemaCheck.errors(in: Data(contentsOf: file), schema: schema) == [])
    }

    @Test func aNewerSettingsFileIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let file = InstallationSettings.file(in: dataDirectory)
        try Data(#"{"format": "csec-trainer-settings", "version": 2, "issuer": "X"}"#.utf8).write(to: file)
        let error = #expect(throws: RecordStoreError.self) { try InstallationSettings.load(in: dataDirectory) }
        #expect(error?.description.hasPrefix("\(file.path): error:") == true)
        #expect(error?.description.contains("update csec-trainer") == true)
    }

    @Test func recordsSignedAfterTheIssuerIsSetNameIt() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let key = try InstallationKey.loadOrCreate(in: dataDirectory)
        let before = SampleRecords.record(name: "Ana Ruiz")
        try RecordStore(dataDirectory: dataDirectory, key: key).save(before)
        let store = RecordStore(dataDirectory: dataDirectory, key: key, issuer: "Redwood High School")
        let after = SampleRecords.record(name: "Kim Lee")
        try store.save(after)
        let byName = Dictionary(uniqueKeysWithValues: store.loadAll().records.map { ($0.record.trainee.name, $0) })
        #expect(byName["Ana Ruiz"]?.record == before, "records already signed are unchanged")
        #expect(byName["Kim Lee"]?.record.issuer == "Redwood High School")
        #expect(byName["Kim Lee"]?.record.schemaVersion == 3)
        for stored in byName.values { try store.verify(stored) }
        #expect(store.audit().problems.isEmpty)
    }
}
