import Foundation
import Records
import Synchronization
import TestSupport
import Testing

@testable import RecordStore

/// A save reads only the answer index's lines added since this process last read or wrote it,
/// while the file keeps its token, and still numbers every text once, whoever wrote it; a new
/// file (deleted, rebuilt) has a new token, so no remembered number outlives its file.
@Suite(.serialized) struct AnswerIndexNumberingTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-numbering-\(UUID().uuidString)")

    var indexFile: URL { dataDirectory.appending(path: "records/answers.log") }

    func lines() throws -> [Substring] { try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n") }

    /// Each text is on one line, and the texts' numbers are 0, 1, 2… without a gap.
    func expectEachTextOnce() throws {
        let texts = try lines().filter { $0.hasPrefix("t1\t") }.map { $0.split(separator: "\t") }
        #expect(Set(texts.map { $0[2] }).count == texts.count, "a text numbered twice")
        #expect(texts.map { Int($0[1])! }.sorted() == Array(0..<texts.count))
    }

    @Test func textsAddedByAnotherWriterAreReusedNotNumberedAgain() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
        var records = [SampleRecords.record(school: "Lincoln High")]
        try store.save(records[0])
        #expect(try lines().first?.hasPrefix("g1\t") == true, "a new index starts with its token")
        let ours = try #require(AnswerIndex.remembered.withLock { $0[indexFile.path] })

        // Another process (one that never read the file) adds a record with a new school.
        AnswerIndex.remembered.withLock { $0[indexFile.path] = nil }
        records.append(SampleRecords.record(school: "North High"))
        try store.save(records[1])
        // This process, remembering the file as it was, saves another record of that school.
        AnswerIndex.remembered.withLock { $0[indexFile.path] = ours }
        records.append(SampleRecords.record(school: "North High"))
        try store.save(records[2])

        try expectEachTextOnce()
        let found = store.answerSheets()
        #expect(found.problems.isEmpty)
        #expect(Set(found.sheets.map(\.id)) == Set(records.map { $0.id.uuidString.lowercased() }))
        #expect(found.sheets.filter { $0.school == "North High" }.count == 2)
    }

    @Test func aDeletedIndexIsNumberedAfreshUnderANewToken() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
        let records = ["Lincoln High", "North High", "Park Elementary"].map { SampleRecords.record(school: $0) }
        try store.save(records[0])
        try store.save(records[1])
        let token = try lines().first
        try FileManager.default.removeItem(at: indexFile)
        try store.save(records[2])
        #expect(try lines().first != token && lines().first?.hasPrefix("g1\t") == true)
        try expectEachTextOnce()
        let found = store.answerSheets()
        #expect(found.problems.isEmpty)
        #expect(
            Dictionary(uniqueKeysWithValues: found.sheets.map { ($0.id, $0.school) })
                == Dictionary(uniqueKeysWithValues: records.map { ($0.id.uuidString.lowercased(), $0.trainee.school) }))
    }

    /// An index written before tokens (no `g1` line) is read whole at each save, and stays right.
    @Test func anIndexWithoutATokenIsStillNumberedRight() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
        try store.save(SampleRecords.record(school: "Lincoln High"))
        let withoutToken = try lines().dropFirst().joined(separator: "\n") + "\n"
        try Data(withoutToken.utf8).write(to: indexFile)
        AnswerIndex.remembered.withLock { $0[indexFile.path] = nil }
        try store.save(SampleRecords.record(school: "North High"))
        try store.save(SampleRecords.record(school: "North High"))
        #expect(try lines().first?.hasPrefix("g1\t") == false)
        try expectEachTextOnce()
        #expect(AnswerIndex.remembered.withLock { $0[indexFile.path] } == nil, "nothing remembered without a token")
        #expect(store.answerSheets().problems.isEmpty)
    }
}
