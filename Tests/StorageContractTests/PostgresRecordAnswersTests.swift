import Foundation
import PostgresNIO
import Records
import Storage
import TestSupport
import Testing

@testable import PostgresStorage

/// `answer_sheets` and `record_answers` (``RecordAnswers``, migration 8) hold each record's
/// answer sheet, whatever writes, changes or deletes the records, and the migration derives them
/// for records stored before it.
@Suite(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
struct PostgresRecordAnswersTests {
    @Test func theRowsAreTheRecordsSheetsWhateverWritesOrChangesThem() async throws {
        let records = try ItemAnalysisContractTests.mixedRecords()
        try await Backend.postgres.withStore { store in
            let repository = try #require(store.repository as? PostgresRecordRepository)
            for record in records.prefix(10) { _ = try await repository.saveOnce(record) }
            _ = try await repository.saveAll(Array(records.dropFirst(10)))
            #expect(try await Self.sheets(in: repository.database) == Self.byID(records.map(AnswerSheet.init)))

            let moved = records[3]
            try await store.execute(
                """
                UPDATE {schema}.completion_records SET record = jsonb_set(record, '{trainee,school}', '"Moved High"')
                WHERE id = '\(moved.id.uuidString.lowercased())'
                """)
            try await store.execute(
                "DELETE FROM {schema}.completion_records WHERE id = '\(records[4].id.uuidString.lowercased())'")
            // A seal rewritten: no change to the record, none to its answers.
            try await store.execute("UPDATE {schema}.completion_records SET seal = NULL")
            var expected = Self.byID(records.filter { $0.id != records[4].id }.map(AnswerSheet.init))
            expected[moved.id.uuidString.lowercased()]?.school = "Moved High"
            #expect(try await Self.sheets(in: repository.database) == expected)

            try await store.execute("TRUNCATE {schema}.completion_records CASCADE")
            #expect(try await Self.sheets(in: repository.database).isEmpty)
        }
    }

    @Test func migrationEightDerivesTheRowsOfRecordsStoredBeforeIt() async throws {
        let records = try ItemAnalysisContractTests.mixedRecords()
        try await Backend.postgres.withStore { store in
            let repository = try #require(store.repository as? PostgresRecordRepository)
            _ = try await repository.saveAll(records)
            // The database as migration 7 left it, with the records.
            for statement in [
                "DROP TABLE {schema}.answer_sheets, {schema}.record_answers",
                """
                DROP FUNCTION {schema}.record_answers_add, {schema}.record_answers_derive_changed,
                    {schema}.record_answers_remove_deleted, {schema}.record_answers_empty CASCADE
                """,
                "DELETE FROM {schema}.schema_migrations WHERE version = 8",
            ] {
                try await store.execute(statement)
            }

            #expect(try await repository.database.migrate() == [8])
            #expect(try await Self.sheets(in: repository.database) == Self.byID(records.map(AnswerSheet.init)))
        }
    }

    /// By record id, with only what the two tables keep (for item analysis): not whose attempt,
    /// why or when (the knowledge gain reads those from the records).
    static func byID(_ sheets: [AnswerSheet]) -> [String: AnswerSheet] {
        Dictionary(uniqueKeysWithValues: sheets.map { ($0.id, itemAnalysisPart(of: $0)) })
    }

    static let noTime = Timestamp(Date(timeIntervalSince1970: 0), utcOffsetSeconds: 0)

    static func itemAnalysisPart(of sheet: AnswerSheet) -> AnswerSheet {
        var sheet = sheet
        (sheet.person, sheet.district, sheet.purpose, sheet.completedAt) = (PersonKey(value: ""), nil, .training, noTime)
        return sheet
    }

    /// The answer sheets the two tables hold, by record id.
    static func sheets(in database: RecordDatabase) async throws -> [String: AnswerSheet] {
        var sheets: [String: AnswerSheet] = [:]
        var totals: [String: [Int]] = [:]
        let rows = try await database.client.query(
            database.sql(
                "SELECT id, jurisdiction, school, role, individually_scored, points, possible_points FROM {schema}.answer_sheets"
            ))
        for try await (id, jurisdiction, school, role, scored, points, possible) in rows.decode(
            (UUID, String, String?, String?, Bool, Int, Int).self)
        {
            let id = id.uuidString.lowercased()
            sheets[id] = Self.itemAnalysisPart(
                of: AnswerSheet(
                    id: id, person: PersonKey(value: ""), jurisdiction: jurisdiction, district: nil, school: school,
                    role: role, purpose: .training, completedAt: Self.noTime, isIndividuallyScored: scored, answers: []))
            totals[id] = [points, possible]
        }
        let answers = try await database.client.query(
            database.sql(
                """
                SELECT record_id, vignette, stage, kind, chosen_option, correct_option, points, possible_points
                FROM {schema}.record_answers ORDER BY record_id, position
                """))
        for try await row in answers.decode((UUID, String, Int, String, String, String, Int, Int).self) {
            let id = row.0.uuidString.lowercased()
            #expect(sheets[id] != nil, "answers of record \(id) without its sheet")
            sheets[id]?.answers.append(
                AnswerSheet.Answer(
                    vignette: row.1, stage: row.2, kind: row.3, chosenOption: row.4, correctOption: row.5, points: row.6,
                    possiblePoints: row.7))
        }
        for (id, sheet) in sheets {
            let summed = [sheet.answers.map(\.points).reduce(0, +), sheet.answers.map(\.possiblePoints).reduce(0, +)]
            #expect(totals[id] == summed, "the totals of record \(id)")
        }
        return sheets
    }
}
