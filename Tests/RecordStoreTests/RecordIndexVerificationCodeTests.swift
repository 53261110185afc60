import Foundation
import Records
import TestSupport
import Testing

@testable import RecordStore

/// Index lines of version 3 carry each record's verification code, for the report with a staff
/// roster; older lines, which do not, are read again from their records once.
struct RecordIndexVerificationCodeTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-index-code-\(UUID().uuidString)")

    @Test func theIndexCarriesEachRecordsVerificationCode() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
        let record = SampleRecords.record(name: "Ana Ruiz", employeeID: "E-1")
        try store.save(record)
        let code = try store.find(record.id.uuidString).signed.verificationCode
        let index = RecordIndex(directory: store.directory, installationKey: store.key)
        #expect(index.read()[record.id.uuidString.lowercased()]?.verificationCode == code, "from the line itself")
        #expect(store.summaries().summaries.map(\.verificationCode) == [code])
    }

    @Test(arguments: ["v1", "v2"])
    func anOlderLineIsReadAgainFromItsRecordOnce(_ version: String) throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
        let record = SampleRecords.record(name: "Kim Lee")
        try store.save(record)
        let index = RecordIndex(directory: store.directory, installationKey: store.key)
        try Data((index.line(for: CompletionSummary(record), version: version) + "\n").utf8).write(to: index.file)
        #expect(index.read()[record.id.uuidString.lowercased()]?.verificationCode == nil)

        let code = try store.find(record.id.uuidString).signed.verificationCode
        #expect(store.summaries().summaries.map(\.verificationCode) == [code])
        let lines = try String(contentsOf: index.file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines[1].hasPrefix("v3\t"), "the line is written again, once")
        #expect(store.summaries().summaries.map(\.verificationCode) == [code])
        #expect(try String(contentsOf: index.file, encoding: .utf8).split(separator: "\n").count == 2)
    }
}
