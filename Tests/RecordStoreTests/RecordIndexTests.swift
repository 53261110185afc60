import Crypto
import Foundation
import Records
import TestSupport
import Testing

@testable import RecordStore

/// The summary index behind `records report`: a cache that cannot be forged and is never
/// needed for correctness.
struct RecordIndexTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-index-\(UUID().uuidString)")

    func store() throws -> RecordStore {
        RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
    }

    var indexFile: URL { dataDirectory.appending(path: "records/index.log") }

    func savedRecords(_ store: RecordStore) throws -> [CompletionRecord] {
        let records = [
            SampleRecords.record(name: "Ana\tRuiz", employeeID: "E-1"),
            SampleRecords.record(name: "Nguyễn Thị Minh", email: "minh@example.org", hireDate: CalendarDate("2026-11-02")),
            SampleRecords.record(name: "Kim Lee", school: nil, percent: 40, passed: false),
            SampleRecords.attendance(name: "Luis Ortega"),
            SampleRecords.attendance(name: "Mei Chen", covered: 3),
        ]
        for record in records { try store.save(record) }
        return records
    }

    func byID(_ summaries: [CompletionSummary]) -> [String: CompletionSummary] {
        Dictionary(uniqueKeysWithValues: summaries.map { ($0.id, $0) })
    }

    /// The summaries of `records` as saved in `store`, each with its signed file's verification code.
    func signedSummaries(_ records: [CompletionRecord], in store: RecordStore) throws -> [String: CompletionSummary] {
        byID(
            try records.map { CompletionSummary($0, verificationCode: try store.find($0.id.uuidString).signed.verificationCode) })
    }

    @Test func summariesComeFromTheIndexAndMatchTheRecords() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try savedRecords(store)
        let found = store.summaries()
        #expect(found.problems.isEmpty)
        #expect(try byID(found.summaries) == signedSummaries(records, in: store))
        #expect(try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n").count == 5)
        #expect(found.summaries.first { $0.trainee.name == "Luis Ortega" }?.outcome == .attended(wholeSession: true))
        #expect(found.summaries.first { $0.trainee.name == "Mei Chen" }?.outcome == .attended(wholeSession: false))
    }

    /// Lines written by index version 1 (before group attendance) read as they did.
    @Test func linesOfIndexVersion1StillRead() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let key = try InstallationKey.loadOrCreate(in: dataDirectory)
        let index = RecordIndex(directory: dataDirectory, installationKey: key)
        let record = SampleRecords.record(name: "Kim Lee", percent: 40, passed: false)
        let line = index.line(for: CompletionSummary(record), version: "v1")
        #expect(line.hasPrefix("v1\t"))
        try Data((line + "\n").utf8).write(to: index.file)
        #expect(index.read()[record.id.uuidString.lowercased()] == CompletionSummary(record))
    }

    @Test func anEditedLineIsIgnoredAndTheRecordReadInstead() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try savedRecords(store)
        let text = try String(contentsOf: indexFile, encoding: .utf8)
        // Someone marks the failed attempt as passed, in the index only.
        let forged =
            text.split(separator: "\n").map { line in
                line.contains("Kim Lee") ? line.replacingOccurrences(of: "\t0\t40\t", with: "\t1\t90\t") : String(line)
            }.joined(separator: "\n") + "\n"
        try Data(forged.utf8).write(to: indexFile)
        let kim = try #require(store.summaries().summaries.first { $0.trainee.name == "Kim Lee" })
        #expect(kim.outcome == .scored(percent: 40, passed: false))
        #expect(try byID(store.summaries().summaries) == signedSummaries(records, in: store))
    }

    /// With the index gone, an edited record (a failed attempt marked passed) is found by its
    /// signature and left out, not counted nor indexed.
    @Test func anEditedRecordWithoutItsLineIsNotCounted() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try savedRecords(store)
        try FileManager.default.removeItem(at: indexFile)
        let kim = try #require(records.first { $0.trainee.name == "Kim Lee" })
        let file = store.file(for: kim.id)
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "\"passed\" : false", with: "\"passed\" : true ")
        try Data(edited.utf8).write(to: file)
        let found = store.summaries()
        #expect(found.summaries.count == 4)
        #expect(found.problems.count == 1 && found.problems[0].description.contains("ALTERED"))
        #expect(!(try String(contentsOf: indexFile, encoding: .utf8)).contains("Kim Lee"))
    }

    @Test func aLostIndexIsRebuiltFromTheRecords() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try savedRecords(store)
        try FileManager.default.removeItem(at: indexFile)
        #expect(try byID(store.summaries().summaries) == signedSummaries(records, in: store))
        #expect(try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n").count == 5, "rebuilt")
    }

    @Test func anIndexFromAnotherInstallationIsNotTrusted() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        _ = try savedRecords(store)
        let other = RecordStore(dataDirectory: dataDirectory, key: InstallationKey(privateKey: .init()))
        // Under another key neither the index lines nor the records check out: nothing counts.
        let found = other.summaries()
        #expect(found.summaries.isEmpty)
        #expect(found.problems.count == 5)
        #expect(found.problems.allSatisfy { $0.description.contains("not signed by this installation's key") })
    }
}
