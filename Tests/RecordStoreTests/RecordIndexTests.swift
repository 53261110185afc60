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
        #expect(index.read().entries[record.id.uuidString.lowercased()]?.summary == CompletionSummary(record))
    }

    @Test func anEditedLineIsReportedAndTheRecordReadInstead() throws {
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
        let kimLine = try #require(forged.split(separator: "\n").firstIndex { $0.contains("Kim Lee") }) + 1
        let found = store.summaries()
        let kim = try #require(found.summaries.first { $0.trainee.name == "Kim Lee" })
        #expect(kim.outcome == .scored(percent: 40, passed: false))
        #expect(try byID(found.summaries) == signedSummaries(records, in: store))
        #expect(found.problems == [.indexLineAltered(path: indexFile.path, line: kimLine)])
        #expect(found.problems[0].description.hasPrefix("\(indexFile.path):\(kimLine): error: "))
        // Reported again next time: the edited line stays until someone deletes the index.
        #expect(store.summaries().problems == [.indexLineAltered(path: indexFile.path, line: kimLine)])
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
        let unusedLines = found.problems.filter { if case .indexLineAltered = $0 { true } else { false } }
        #expect(unusedLines.count == 5)
        let records = found.problems.filter { $0.description.contains("not signed by this installation's key") }
        #expect(records.count == 5)
    }

    /// How a record file can stop being the one its index line was taken from.
    enum FileChange: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case emptied, truncated, overwrittenWithAnotherRecord, oneByteChangedWithItsTimeKept, replacedByAnEditedCopy

        var testDescription: String { rawValue }

        func apply(to file: URL, other: URL) throws {
            let original = try Data(contentsOf: file)
            switch self {
            case .emptied:
                try Data().write(to: file)
            case .truncated:
                let handle = try FileHandle(forWritingTo: file)
                try handle.truncate(atOffset: UInt64(original.count / 2))
                try handle.close()
            case .overwrittenWithAnotherRecord:
                try Data(contentsOf: other).write(to: file)
            case .oneByteChangedWithItsTimeKept:
                // The same size, and the modification time set back: only the change time tells.
                let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]
                let edited = String(decoding: original, as: UTF8.self).replacingOccurrences(
                    of: "\"percent\" : 40", with: "\"percent\" : 90")
                let handle = try FileHandle(forWritingTo: file)
                try handle.write(contentsOf: Data(edited.utf8))
                try handle.close()
                try FileManager.default.setAttributes([.modificationDate: modified as Any], ofItemAtPath: file.path)
            case .replacedByAnEditedCopy:
                let edited = String(decoding: original, as: UTF8.self).replacingOccurrences(
                    of: "\"passed\" : false", with: "\"passed\" : true ")
                try Data(edited.utf8).write(to: file, options: .atomic)
            }
        }
    }

    /// Reports never trust what they have not verified: a record file changed after its index
    /// line was written is read again, fails, and is not counted.
    @Test(arguments: FileChange.allCases)
    func aRecordFileChangedAfterItsLineIsNotCounted(_ change: FileChange) throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try savedRecords(store)
        let kim = try #require(records.first { $0.trainee.name == "Kim Lee" })
        let other = try #require(records.first { $0.trainee.name == "Luis Ortega" })
        #expect(store.summaries().summaries.count == 5)
        try change.apply(to: store.file(for: kim.id), other: store.file(for: other.id))
        let found = store.summaries()
        #expect(found.summaries.count == 4)
        #expect(!found.summaries.contains { $0.id == kim.id.uuidString.lowercased() })
        #expect(found.problems.count == 1)
        #expect(found.problems.first?.description.hasPrefix(store.file(for: kim.id).path) == true)
    }

    /// A record file whose identity changed but whose bytes did not (copied back from a backup,
    /// permissions changed) is read, verified and counted, and its line renewed.
    @Test func aFileRestoredUnchangedIsVerifiedAndCountedAgain() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try savedRecords(store)
        let file = store.file(for: records[0].id)
        let bytes = try Data(contentsOf: file)
        try FileManager.default.removeItem(at: file)
        try bytes.write(to: file)
        let linesBefore = try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n").count
        let found = store.summaries()
        #expect(found.problems.isEmpty)
        #expect(try byID(found.summaries) == signedSummaries(records, in: store))
        #expect(try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n").count == linesBefore + 1)
        #expect(store.summaries().problems.isEmpty)
    }
}
