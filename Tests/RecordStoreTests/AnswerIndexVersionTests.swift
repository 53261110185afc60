import Foundation
import Records
import TestSupport
import Testing

@testable import RecordStore

/// An answer index written before version 2 (its records' lines without the person, the
/// district, the purpose and the completion time that the knowledge gain reads) is stale, not
/// damaged: each record is read from its file once more, verified, and given a version 2 line.
@Suite struct AnswerIndexVersionTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-index-version-\(UUID().uuidString)")

    @Test func versionOneLinesAreReadAsStaleAndReplaced() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
        let sample = SampleRecords.record(employeeID: "E-7", completed: "2026-09-14T09:00:00-07:00")
        let pretest = CompletionRecord(
            id: UUID(), trainee: sample.trainee, training: sample.training, mode: .selfPaced, startedAt: sample.startedAt,
            completedAt: sample.completedAt, activeSeconds: 300, questions: sample.questions, score: sample.score,
            purpose: .preTest)
        let records = [pretest, SampleRecords.record(employeeID: "E-7"), SampleRecords.record(email: "kim@example.org")]
        for record in records { try store.save(record) }
        let index = store.answerIndex
        let lines = try String(contentsOf: index.file, encoding: .utf8).split(separator: "\n")
        // The same lines as an earlier csec-trainer wrote them: version 1, its eight fields.
        let versionOne = try lines.map { line -> String in
            guard line.hasPrefix(AnswerIndex.recordVersion + "\t") else { return String(line) }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).dropLast().map(String.init)
            try #require(fields.count == 12)
            return index.lines.line((["v1"] + [1, 2, 3, 5, 6, 7, 11].map { fields[$0] }).joined(separator: "\t"))
        }
        try Data((versionOne.joined(separator: "\n") + "\n").utf8).write(to: index.file)

        let found = store.answerSheets()
        #expect(found.problems.isEmpty, "a stale line is not a damaged one")
        #expect(
            Dictionary(uniqueKeysWithValues: found.sheets.map { ($0.id, $0) })
                == Dictionary(uniqueKeysWithValues: records.map { ($0.id.uuidString.lowercased(), AnswerSheet($0)) }))
        #expect(found.sheets.first { $0.purpose == .preTest }?.person == PersonKey(value: "id:e-7"))
        let rewritten = try String(contentsOf: index.file, encoding: .utf8).split(separator: "\n")
        #expect(rewritten.filter { $0.hasPrefix("v2\t") }.count == records.count)
        // Read from the version 2 lines the second time: nothing more is written.
        #expect(store.answerSheets().problems.isEmpty)
        #expect(try String(contentsOf: index.file, encoding: .utf8).split(separator: "\n").count == rewritten.count)
    }
}
