import Foundation
import ItemAnalysis
import RecordStore
import Records
import ScenarioEngine
import Storage
import Testing

/// The answer index behind `records stats`: a cache, verified like the summary index, that
/// gives the same figures as reading and verifying every record.
@Suite struct AnswerIndexTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-answers-\(UUID().uuidString)")

    var indexFile: URL { dataDirectory.appending(path: "records/answers.log") }

    func savedRecords() throws -> (RecordStore, [CompletionRecord]) {
        let store = RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
        let planted = try PlantedRecords()
        var records = planted.records(6, seed: 3) { _ in 0.7 }
        records.append(planted.record(school: "Tam\tHigh", attendance: true) { _, question in question.correctOptionID })
        for record in records { try store.save(record) }
        return (store, records)
    }

    static func byID(_ sheets: [AnswerSheet]) -> [String: AnswerSheet] {
        Dictionary(uniqueKeysWithValues: sheets.map { ($0.id, $0) })
    }

    @Test func savingWritesEachRecordsLineSoTheFirstReadReadsTheIndex() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let (store, records) = try savedRecords()
        // Written by the saves, before any read.
        let lines = try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("v2\t") }.count == records.count)
        // Each text once, however many records use it.
        let texts = lines.filter { $0.hasPrefix("t1\t") }.map { $0.split(separator: "\t")[2] }
        #expect(Set(texts).count == texts.count)
        let first = store.answerSheets()
        #expect(first.problems.isEmpty)
        #expect(Self.byID(first.sheets) == Self.byID(records.map(AnswerSheet.init)))
        // Read from the index: no line was added.
        #expect(try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n").count == lines.count)
    }

    @Test func anImportedRecordsLineIsWrittenByTheImport() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let (store, records) = try savedRecords()
        let school = try InstallationKey.loadOrCreate(in: dataDirectory.appending(path: "another-school"))
        let planted = try PlantedRecords()
        let incoming = planted.record(school: "Tam High") { _, question in question.correctOptionID }
        let repository = FileRecordRepository(store: store, trusting: [school.publicKey])
        let saved = try await repository.importSigned(
            try SignedRecord(signing: incoming, with: school).fileContents(), from: "tam-high.json")
        #expect(saved.isNew)
        let lines = try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("v2\t") }.count == records.count + 1)
        let found = try await repository.answerSheets()
        #expect(found.problems.isEmpty)
        #expect(Self.byID(found.sheets) == Self.byID((records + [incoming]).map(AnswerSheet.init)))
        #expect(try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n").count == lines.count)
    }

    @Test func aRecordWrittenWithoutItsLineIsReadFromItsFileAndGivenOne() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let (store, records) = try savedRecords()
        try FileManager.default.removeItem(at: indexFile)
        let first = store.answerSheets()
        #expect(first.problems.isEmpty)
        #expect(Self.byID(first.sheets) == Self.byID(records.map(AnswerSheet.init)))
        let lines = try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("v2\t") }.count == records.count)
        let second = store.answerSheets()
        #expect(Self.byID(second.sheets) == Self.byID(first.sheets))
        #expect(try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n").count == lines.count)
    }

    @Test func anEditedLineIsReportedAndItsRecordReadFromItsFile() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let (store, records) = try savedRecords()
        _ = store.answerSheets()
        var text = try String(contentsOf: indexFile, encoding: .utf8)
        // Turn a wrong answer (points 0 of 1, at the end of an answer) into a right one in the
        // first record line that has one.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let number = try #require(lines.firstIndex { $0.hasPrefix("v2\t") && $0.contains(",0,1;") })
        text = lines.enumerated().map { line in
            guard line.offset == number, let range = line.element.firstRange(of: ",0,1;") else { return String(line.element) }
            return String(line.element.replacingCharacters(in: range, with: ",1,1;"))
        }
        .joined(separator: "\n")
        try Data(text.utf8).write(to: indexFile)
        let found = store.answerSheets()
        #expect(found.problems == [.indexLineAltered(path: indexFile.path, line: number + 1)])
        #expect(found.problems.first?.description.contains("answer index") == true)
        #expect(Self.byID(found.sheets) == Self.byID(records.map(AnswerSheet.init)))
    }

    /// A text line's number is covered by its HMAC: renumbering texts, or losing one, turns the
    /// lines that use them into damaged lines, never into other answers.
    @Test func aRemovedTextLineLeavesNoRecordMisread() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let (store, records) = try savedRecords()
        _ = store.answerSheets()
        let lines = try String(contentsOf: indexFile, encoding: .utf8).split(separator: "\n")
        let kept = lines.filter { !$0.hasPrefix("t1\t0\t") }
        #expect(kept.count == lines.count - 1)
        try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: indexFile)
        let found = store.answerSheets()
        #expect(!found.problems.isEmpty)
        #expect(Self.byID(found.sheets) == Self.byID(records.map(AnswerSheet.init)))
    }

    @Test func aRecordFileChangedSinceItsLineIsVerifiedAgainAndLeftOut() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let (store, records) = try savedRecords()
        _ = store.answerSheets()
        let file = store.file(for: records[0].id)
        var bytes = try Data(contentsOf: file)
        let range = try #require(bytes.firstRange(of: Data("\"points\" : 0".utf8)))
        bytes.replaceSubrange(range, with: Data("\"points\" : 1".utf8))
        try bytes.write(to: file)
        let found = store.answerSheets()
        #expect(found.problems.count == 1)
        #expect(found.sheets.count == records.count - 1)
        #expect(!found.sheets.contains { $0.id == records[0].id.uuidString.lowercased() })
    }

    /// The figures from the index are those from verifying every record (the repository's default).
    @Test func theIndexGivesTheFiguresOfEveryRecordVerified() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let (store, _) = try savedRecords()
        let repository = FileRecordRepository(store: store)
        let analysis = ItemAnalysisFixture(content: try PlantedRecords().content).analysis
        _ = try await repository.answerSheets()
        let cached = try await repository.itemAnalysis(analysis, in: .everything)
        let verified = try await EveryRecordVerified(repository).itemAnalysis(analysis, in: .everything)
        #expect(cached.problems.isEmpty && verified.problems.isEmpty)
        #expect(cached.report == verified.report)
        #expect(cached.report.jurisdictions.first?.records == 7)
    }
}

/// A repository that takes the protocol's defaults: every record read and verified.
struct EveryRecordVerified: RecordRepository {
    let files: FileRecordRepository
    init(_ files: FileRecordRepository) { self.files = files }

    var location: String { files.location }
    func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord { try await files.saveOnce(record) }
    func find(_ id: String) async throws(StorageError) -> VerifiedRecord { try await files.find(id) }
    func summaries() async throws(StorageError) -> VerifiedSummaries { try await files.summaries() }
    func importSigned(_ contents: Data, from source: String) async throws(StorageError) -> SavedRecord {
        try await files.importSigned(contents, from: source)
    }
    func forEachRecord(_ body: (VerifiedRecord) async throws(StorageError) -> Void) async throws(StorageError)
        -> [StorageError]
    {
        try await files.forEachRecord(body)
    }
}
