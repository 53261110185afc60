import Foundation
import ItemAnalysis
import PostgresNIO
import Records
import Storage

extension PostgresRecordRepository {
    /// The knowledge gain read from the records of the people who took a pre-test only: the
    /// database finds them (by the record's purpose, and then by their indexed person key), and
    /// each is verified before it counts, as everywhere; a record that does not verify is
    /// reported and left out. Without a pre-test in the database, no record is read.
    public func knowledgeGain(_ gain: KnowledgeGain, in scope: AnalysisScope) async throws(StorageError)
        -> VerifiedKnowledgeGain
    {
        let table = self.table
        let rows = try await database.run { client in
            var rows: [(UUID, Data)] = []
            for try await row in try await client.query(
                """
                SELECT id, signed_file FROM \(unescaped: table) WHERE person_key IN (
                    SELECT person_key FROM \(unescaped: table) WHERE record ->> 'purpose' = \(AttemptPurpose.preTest.rawValue)
                )
                """
            ).decode((UUID, Data).self) {
                rows.append(row)
            }
            return rows
        }
        var sheets: [AnswerSheet] = []
        var problems: [StorageError] = []
        for result in verifiedInParallel(rows) {
            switch result {
            case .success(let verified): sheets.append(AnswerSheet(verified.record))
            case .failure(let problem): problems.append(problem)
            }
        }
        return VerifiedKnowledgeGain(report: gain.report(of: scope.selecting(sheets)), problems: problems)
    }

    /// The item analysis computed in SQL and the knowledge gain from the tested people's records.
    public func statistics(_ analysis: ItemAnalysis, _ gain: KnowledgeGain, in scope: AnalysisScope)
        async throws(StorageError) -> VerifiedStatistics
    {
        let found = (analysis: try await itemAnalysis(analysis, in: scope), gain: try await knowledgeGain(gain, in: scope))
        return VerifiedStatistics(
            itemAnalysis: found.analysis.report, knowledgeGain: found.gain.report,
            problems: found.analysis.problems + found.gain.problems.filter { !found.analysis.problems.contains($0) })
    }
}
