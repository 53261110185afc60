import Foundation
import ItemAnalysis
import PostgresNIO
import Records
import Storage

extension PostgresRecordRepository {
    /// The item analysis computed in the database: SQL groups the rows of `answer_sheets` and
    /// `record_answers` (``RecordAnswers``) into counts per item, per wrong option, per pair of
    /// correct and chosen options, per part of an attempt, and per school and role, and Swift
    /// assembles the same ``ItemAnalysisReport`` as ``ItemAnalysis/report(of:)`` computes from the
    /// same sheets (what an option stands for is looked up in the content, on the counts).
    ///
    /// Only records that check out are counted: every record in `scope` is checked as the
    /// compliance report checks the records it rests on (its row's seal over the SHA-256 of its
    /// signed file as stored now, else its signature and its columns); a record that fails is
    /// reported and left out, and the counts are taken over the ids of the records that passed.
    /// The problems are those of the records in `scope`.
    public func itemAnalysis(_ analysis: ItemAnalysis, in scope: AnalysisScope) async throws(StorageError)
        -> VerifiedItemAnalysis
    {
        let (checked, problems) = try await checkedRecords(in: scope)
        var counted: [String: CountedAnswers] = [:]
        func counts(of jurisdiction: String) -> CountedAnswers {
            counted[jurisdiction] ?? analysis.counting(jurisdiction)
        }
        for row in try await schoolAndRoleCounts(checked, analysis: analysis) {
            var counts = counts(of: row.jurisdiction)
            counts.addRecords(row.records, groupAttendance: row.groupAttendance)
            counts.addCriticalMistakes(
                school: row.school, role: row.role, attempts: row.records, withCritical: row.withCritical,
                chosen: row.criticalChosen)
            counted[row.jurisdiction] = counts
        }
        for row in try await answerCounts(checked) {
            var counts = counts(of: row.jurisdiction)
            let item = ItemKey(vignette: row.vignette, stage: row.stage, kind: row.kind)
            switch row.grouping {
            case .options(let correctOption, let chosenOption):
                let isCorrect = chosenOption == correctOption
                counts.addItem(item, answered: row.count, correct: isCorrect ? row.count : 0)
                if !isCorrect { counts.addWrongOption(chosenOption, of: item, chosen: row.count) }
                counts.addAnswers(kind: row.kind, correctOption: correctOption, chosenOption: chosenOption, count: row.count)
            case .discrimination(let pair):
                counts.addDiscrimination(pair, of: item, times: row.count)
            }
            counted[row.jurisdiction] = counts
        }
        for row in try await partCounts(checked) {
            var counts = counts(of: row.jurisdiction)
            switch row.part {
            case .kind(let kind):
                counts.addKind(kind, answered: row.asked * row.count, correct: row.correct * row.count)
                if let pair = row.pair { counts.addDiscrimination(pair, ofKind: kind, times: row.count) }
            case .stage(let stage):
                counts.addStage(stage, answered: row.asked * row.count, correct: row.correct * row.count)
                if let pair = row.pair { counts.addDiscrimination(pair, ofStage: stage, times: row.count) }
            }
            counted[row.jurisdiction] = counts
        }
        let report = ItemAnalysisReport(jurisdictions: counted.keys.sorted().map { analysis.analysis(of: counted[$0]!) })
        return VerifiedItemAnalysis(report: report, problems: problems)
    }

    /// The ids of the records in `scope` that check out, and a problem for each one that does not
    /// (and for each whose seal does not check out but whose signature verifies: counted).
    private func checkedRecords(in scope: AnalysisScope) async throws(StorageError) -> (
        ids: [UUID], problems: [StorageError]
    ) {
        let sheets = database.quotedSchema + ".answer_sheets"
        let ids = try await database.run { client in
            var ids: [UUID] = []
            let rows = try await client.query(
                """
                SELECT id FROM \(unescaped: sheets)
                WHERE (\(scope.jurisdiction)::text IS NULL OR jurisdiction = \(scope.jurisdiction))
                    AND (\(scope.school)::text IS NULL OR school = \(scope.school))
                ORDER BY id
                """)
            for try await id in rows.decode(UUID.self) { ids.append(id) }
            return ids
        }
        let batchSize = 8_192
        let batches: [[UUID]] = stride(from: 0, to: ids.count, by: batchSize).map {
            Array(ids[$0..<min(ids.count, $0 + batchSize)])
        }
        let checked: [(ids: [UUID], problems: [StorageError])]
        do {
            checked = try await withThrowingTaskGroup(of: (Int, [UUID], [StorageError]).self) { group in
                for (index, batch) in batches.enumerated() {
                    group.addTask {
                        let records = try await self.reportRecords(batch)
                        let found = batch.compactMap { records[$0] }
                        let results = try await self.checkedSummaries(found)
                        var passed: [UUID] = []
                        var problems = results.unsealed
                        for (record, result) in zip(found, results.results) {
                            switch result {
                            case .success: passed.append(record.columns.id)
                            case .failure(let problem): problems.append(problem)
                            }
                        }
                        return (index, passed, problems)
                    }
                }
                var checked = [(ids: [UUID], problems: [StorageError])](repeating: ([], []), count: batches.count)
                for try await (index, passed, problems) in group { checked[index] = (passed, problems) }
                return checked
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw .database(location: location, reason: RecordDatabase.reason(error))
        }
        return (checked.flatMap(\.ids), checked.flatMap(\.problems))
    }

    /// `WITH sheets AS (…)`: the rows of `answer_sheets` of the records `$1`.
    private var checkedSheets: String {
        """
        WITH sheets AS (
            SELECT s.* FROM \(database.quotedSchema).answer_sheets s JOIN unnest($1::uuid[]) AS c(id) ON c.id = s.id
        )
        """
    }

    private var answersTable: String { database.quotedSchema + ".record_answers" }

    /// Per jurisdiction, school and role (empty when not given): the records, those of group
    /// attendance, those with a critical mistake, and the critical mistakes chosen. A critical
    /// mistake is a wrong answer choosing an option the content calls a critical mistake, to a
    /// question whose correct option the content offers.
    private func schoolAndRoleCounts(_ ids: [UUID], analysis: ItemAnalysis) async throws(StorageError)
        -> [SchoolAndRoleRow]
    {
        var critical: (jurisdictions: [String], options: [String]) = ([], [])
        var known: (jurisdictions: [String], options: [String]) = ([], [])
        for (jurisdiction, content) in analysis.content {
            for option in content.criticalMistakeOptions {
                critical.jurisdictions.append(jurisdiction)
                critical.options.append(option)
            }
            for option in content.knownOptions {
                known.jurisdictions.append(jurisdiction)
                known.options.append(option)
            }
        }
        var binds = PostgresBindings()
        binds.append(ids)
        binds.append(critical.jurisdictions)
        binds.append(critical.options)
        binds.append(known.jurisdictions)
        binds.append(known.options)
        let query = PostgresQuery(
            unsafeSQL: checkedSheets
                + """
                , critical AS (SELECT * FROM unnest($2::text[], $3::text[]) AS c(jurisdiction, option)),
                known AS (SELECT * FROM unnest($4::text[], $5::text[]) AS k(jurisdiction, option)),
                critical_chosen AS (
                    SELECT a.record_id, count(*) AS chosen
                    FROM sheets s JOIN \(answersTable) a ON a.record_id = s.id
                        JOIN critical c ON c.jurisdiction = s.jurisdiction AND c.option = a.chosen_option
                        JOIN known k ON k.jurisdiction = s.jurisdiction AND k.option = a.correct_option
                    WHERE a.chosen_option <> a.correct_option
                    GROUP BY a.record_id
                )
                SELECT s.jurisdiction, coalesce(s.school, ''), coalesce(s.role, ''), count(*),
                    count(*) FILTER (WHERE NOT s.individually_scored), count(c.record_id), coalesce(sum(c.chosen), 0)::bigint
                FROM sheets s LEFT JOIN critical_chosen c ON c.record_id = s.id
                GROUP BY 1, 2, 3
                """, binds: binds)
        return try await database.run { client in
            var rows: [SchoolAndRoleRow] = []
            for try await row in try await client.query(query).decode((String, String, String, Int, Int, Int, Int).self) {
                rows.append(
                    SchoolAndRoleRow(
                        jurisdiction: row.0, school: row.1, role: row.2, records: row.3, groupAttendance: row.4,
                        withCritical: row.5, criticalChosen: row.6))
            }
            return rows
        }
    }

    private struct SchoolAndRoleRow: Sendable {
        var jurisdiction: String
        var school: String
        var role: String
        var records: Int
        var groupAttendance: Int
        var withCritical: Int
        var criticalChosen: Int
    }

    /// In one pass over the answers, two groupings per item: by correct and chosen option (how
    /// often each pair was answered), and by the pairs of its discrimination (right or wrong, and
    /// the points on the rest of an individually scored attempt of the points possible there).
    private func answerCounts(_ ids: [UUID]) async throws(StorageError) -> [AnswerRow] {
        var binds = PostgresBindings()
        binds.append(ids)
        let query = PostgresQuery(
            unsafeSQL: checkedSheets
                + """
                , answers AS (
                    SELECT s.jurisdiction, a.vignette, a.stage, a.kind, a.correct_option, a.chosen_option,
                        (a.chosen_option = a.correct_option)::integer AS correct,
                        CASE WHEN s.individually_scored AND s.possible_points > a.possible_points
                            THEN s.points - a.points END AS rest_points,
                        CASE WHEN s.individually_scored AND s.possible_points > a.possible_points
                            THEN s.possible_points - a.possible_points END AS rest_possible
                    FROM sheets s JOIN \(answersTable) a ON a.record_id = s.id
                )
                SELECT jurisdiction, vignette, stage, kind, correct_option, chosen_option, correct, rest_points,
                    rest_possible, count(*), GROUPING(correct)
                FROM answers
                GROUP BY GROUPING SETS (
                    (jurisdiction, vignette, stage, kind, correct_option, chosen_option),
                    (jurisdiction, vignette, stage, kind, correct, rest_points, rest_possible)
                )
                """, binds: binds)
        return try await database.run { client in
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                try await connection.query("SET LOCAL jit = off", logger: RecordDatabase.logger)
                // Grouping millions of answers in memory (hashed) rather than sorting them on disk.
                try await connection.query("SET LOCAL work_mem = '256MB'", logger: RecordDatabase.logger)
                var rows: [AnswerRow] = []
                for try await row in try await connection.query(query, logger: RecordDatabase.logger).decode(
                    (String, String, Int, String, String?, String?, Int?, Int?, Int?, Int, Int).self)
                {
                    let grouping: AnswerRow.Grouping
                    if row.10 == 1, let correctOption = row.4, let chosenOption = row.5 {
                        grouping = .options(correct: correctOption, chosen: chosenOption)
                    } else if let correct = row.6, let restPoints = row.7, let restPossible = row.8 {
                        grouping = .discrimination(
                            DiscriminationPair(correct: correct, asked: 1, restPoints: restPoints, restPossible: restPossible))
                    } else {
                        // Answers of attempts that are not individually scored, or with no rest.
                        continue
                    }
                    rows.append(
                        AnswerRow(
                            jurisdiction: row.0, vignette: row.1, stage: row.2, kind: row.3, grouping: grouping, count: row.9))
                }
                return rows
            }
        }
    }

    private struct AnswerRow: Sendable {
        enum Grouping: Sendable {
            case options(correct: String, chosen: String)
            case discrimination(DiscriminationPair)
        }

        var jurisdiction: String
        var vignette: String
        var stage: Int
        var kind: String
        var grouping: Grouping
        var count: Int
    }

    /// The parts of each attempt (its answers of one kind, and its answers at one stage), grouped
    /// by what they count for: the part's correct answers of those asked, and the points on the
    /// rest of an individually scored attempt of the points possible there (none otherwise).
    private func partCounts(_ ids: [UUID]) async throws(StorageError) -> [PartRow] {
        var binds = PostgresBindings()
        binds.append(ids)
        let query = PostgresQuery(
            unsafeSQL: checkedSheets
                + """
                , parts AS (
                    SELECT s.jurisdiction, a.kind, a.stage, s.individually_scored AS scored, s.points AS sheet_points,
                        s.possible_points AS sheet_possible, count(*) AS asked,
                        count(*) FILTER (WHERE a.chosen_option = a.correct_option) AS correct,
                        sum(a.points) AS points, sum(a.possible_points) AS possible
                    FROM sheets s JOIN \(answersTable) a ON a.record_id = s.id
                    GROUP BY GROUPING SETS (
                        (s.id, s.jurisdiction, s.individually_scored, s.points, s.possible_points, a.kind),
                        (s.id, s.jurisdiction, s.individually_scored, s.points, s.possible_points, a.stage)
                    )
                )
                SELECT jurisdiction, kind, stage, correct, asked,
                    CASE WHEN scored AND sheet_possible > possible THEN sheet_points - points END,
                    CASE WHEN scored AND sheet_possible > possible THEN sheet_possible - possible END,
                    count(*)
                FROM parts
                GROUP BY 1, 2, 3, 4, 5, 6, 7
                """, binds: binds)
        return try await database.run { client in
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                try await connection.query("SET LOCAL jit = off", logger: RecordDatabase.logger)
                // Grouping millions of answers in memory (hashed) rather than sorting them on disk.
                try await connection.query("SET LOCAL work_mem = '256MB'", logger: RecordDatabase.logger)
                var rows: [PartRow] = []
                for try await row in try await connection.query(query, logger: RecordDatabase.logger).decode(
                    (String, String?, Int?, Int, Int, Int?, Int?, Int).self)
                {
                    let part: PartRow.Part
                    if let kind = row.1 {
                        part = .kind(kind)
                    } else if let stage = row.2 {
                        part = .stage(stage)
                    } else {
                        continue
                    }
                    var pair: DiscriminationPair?
                    if let restPoints = row.5, let restPossible = row.6 {
                        pair = DiscriminationPair(
                            correct: row.3, asked: row.4, restPoints: restPoints, restPossible: restPossible)
                    }
                    rows.append(
                        PartRow(jurisdiction: row.0, part: part, correct: row.3, asked: row.4, pair: pair, count: row.7))
                }
                return rows
            }
        }
    }

    private struct PartRow: Sendable {
        enum Part: Sendable {
            case kind(String)
            case stage(Int)
        }

        var jurisdiction: String
        var part: Part
        var correct: Int
        var asked: Int
        var pair: DiscriminationPair?
        var count: Int
    }
}
