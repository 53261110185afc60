import Foundation
import ItemAnalysis
import RecordStore
import Records

/// Where completion records are kept, whatever the backend: the signed record files of the
/// embedded default, or a PostgreSQL database for a county. Records stay signed JSON documents
/// in every backend, and every read verifies them against the repository's ``TrustedKeys``:
/// a record that does not verify is reported as a problem, never returned or counted.
///
/// One contract test suite runs against every conformance.
public protocol RecordRepository: Sendable {
    /// The files' directory or the database, in words for messages.
    var location: String { get }

    /// Signs `record` with the installation key and stores it, unless a record with its id is
    /// stored already (an attempt finished again after a crash): then the stored one stands, and
    /// is what comes back, verified.
    func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord

    /// The record whose id is `id` or starts with it (as `records list` shows them), verified.
    func find(_ id: String) async throws(StorageError) -> VerifiedRecord

    /// The summary of every record that verifies, and a problem for each one that does not.
    func summaries() async throws(StorageError) -> VerifiedSummaries

    /// The compliance report of `schoolYear` over the records that verify, with the staff
    /// `roster` when there is one (everyone on it listed), and the problems found on the way.
    func complianceReport(for schoolYear: SchoolYear, asOf: CalendarDate, roster: StaffRoster?) async throws(StorageError)
        -> VerifiedReport

    /// Stores a record signed elsewhere (another machine, another school): `contents` are the
    /// exact bytes of its signed file, read from `source`. They must verify against a trusted
    /// key. The same record again is a no-op (``SavedRecord/isNew`` is false); a different
    /// record under a stored id is refused (``StorageError/conflicting(source:id:location:)``).
    func importSigned(_ contents: Data, from source: String) async throws(StorageError) -> SavedRecord

    /// Calls `body` with every stored record that verifies, and returns a problem for each one
    /// that does not.
    func forEachRecord(_ body: (VerifiedRecord) async throws(StorageError) -> Void) async throws(StorageError)
        -> [StorageError]

    /// The records of `person` that verify, found as the compliance report finds people
    /// (``Records/PersonKey``: employee id, else email, else name); theirs that do not verify
    /// are left out. The default filters ``summaries()``; a database asks for that person's rows.
    func records(of person: Trainee) async throws(StorageError) -> [VerifiedRecord]

    /// The answer sheet of every record that verifies, for item analysis, and a problem for each
    /// one that does not. The default reads and verifies every record (``forEachRecord(_:)``).
    func answerSheets() async throws(StorageError) -> VerifiedAnswerSheets

    /// The item analysis of the records in `scope` that verify (one jurisdiction or every one,
    /// one school or every one). The default computes it in Swift from ``answerSheets()`` with
    /// `analysis`: a backend that can compute the figures where the records are (SQL) implements
    /// this instead.
    func itemAnalysis(_ analysis: ItemAnalysis, in scope: AnalysisScope) async throws(StorageError)
        -> VerifiedItemAnalysis

    /// The knowledge gain between the pre-tests in `scope` and the training attempts after them
    /// (``ItemAnalysis/KnowledgeGain``), over the records that verify: a pair counts when both
    /// its attempts are in `scope`. The default computes it in Swift from ``answerSheets()``; a
    /// database reads only the records of people who took a pre-test.
    func knowledgeGain(_ gain: KnowledgeGain, in scope: AnalysisScope) async throws(StorageError)
        -> VerifiedKnowledgeGain

    /// The item analysis and the knowledge gain of the records in `scope`, together. The default
    /// reads ``answerSheets()`` once for both; a backend that computes either where the records
    /// are implements this with ``itemAnalysis(_:in:)`` and ``knowledgeGain(_:in:)``.
    func statistics(_ analysis: ItemAnalysis, _ gain: KnowledgeGain, in scope: AnalysisScope) async throws(StorageError)
        -> VerifiedStatistics
}

extension RecordRepository {
    public func records(of person: Trainee) async throws(StorageError) -> [VerifiedRecord] {
        let key = PersonKey(person)
        var records: [VerifiedRecord] = []
        for summary in try await summaries().summaries where PersonKey(summary.trainee) == key {
            records.append(try await find(summary.id))
        }
        return records
    }

    public func answerSheets() async throws(StorageError) -> VerifiedAnswerSheets {
        var sheets: [AnswerSheet] = []
        let problems = try await forEachRecord { record throws(StorageError) in sheets.append(AnswerSheet(record.record)) }
        return VerifiedAnswerSheets(sheets: sheets, problems: problems)
    }

    public func itemAnalysis(_ analysis: ItemAnalysis, in scope: AnalysisScope) async throws(StorageError)
        -> VerifiedItemAnalysis
    {
        let found = try await answerSheets()
        let sheets = scope.selecting(found.sheets)
        return VerifiedItemAnalysis(report: analysis.report(of: sheets), problems: found.problems)
    }

    public func knowledgeGain(_ gain: KnowledgeGain, in scope: AnalysisScope) async throws(StorageError)
        -> VerifiedKnowledgeGain
    {
        let found = try await answerSheets()
        return VerifiedKnowledgeGain(report: gain.report(of: scope.selecting(found.sheets)), problems: found.problems)
    }

    public func statistics(_ analysis: ItemAnalysis, _ gain: KnowledgeGain, in scope: AnalysisScope)
        async throws(StorageError) -> VerifiedStatistics
    {
        let found = try await answerSheets()
        let sheets = scope.selecting(found.sheets)
        return VerifiedStatistics(
            itemAnalysis: analysis.report(of: sheets), knowledgeGain: gain.report(of: sheets), problems: found.problems)
    }
}

extension RecordRepository {
    /// The report computed in Swift from ``summaries()``.
    public func complianceReport(for schoolYear: SchoolYear, asOf: CalendarDate, roster: StaffRoster?)
        async throws(StorageError) -> VerifiedReport
    {
        let found = try await summaries()
        let report =
            roster.map { ComplianceReport(completions: found.summaries, roster: $0, schoolYear: schoolYear, asOf: asOf) }
            ?? ComplianceReport(completions: found.summaries, schoolYear: schoolYear, asOf: asOf)
        return VerifiedReport(report: report, problems: found.problems)
    }

    /// The report without a roster: only people with records.
    public func complianceReport(for schoolYear: SchoolYear, asOf: CalendarDate) async throws(StorageError)
        -> VerifiedReport
    {
        try await complianceReport(for: schoolYear, asOf: asOf, roster: nil)
    }
}

/// Where a record was saved, in words for the person who finished it.
public struct SavedRecord: Sendable, Equatable {
    public var id: UUID
    /// The record's file, or the database it went to.
    public var location: String
    /// False when a record with this id was stored already.
    public var isNew: Bool
    /// The stored record as signed (the one stored first, when it was not new).
    public var signed: SignedRecord

    public init(id: UUID, location: String, isNew: Bool, signed: SignedRecord) {
        self.id = id
        self.location = location
        self.isNew = isNew
        self.signed = signed
    }
}

/// What ``RecordRepository/summaries()`` found.
public struct VerifiedSummaries: Sendable {
    public var summaries: [CompletionSummary]
    /// Records left out because they do not verify or cannot be read.
    public var problems: [StorageError]

    public init(summaries: [CompletionSummary], problems: [StorageError]) {
        self.summaries = summaries
        self.problems = problems
    }
}

/// What ``RecordRepository/complianceReport(for:asOf:)`` found.
public struct VerifiedReport: Sendable {
    public var report: ComplianceReport
    /// Records left out because they do not verify or cannot be read.
    public var problems: [StorageError]

    public init(report: ComplianceReport, problems: [StorageError]) {
        self.report = report
        self.problems = problems
    }
}

/// What ``RecordRepository/answerSheets()`` found.
public struct VerifiedAnswerSheets: Sendable {
    public var sheets: [AnswerSheet]
    /// Records left out because they do not verify or cannot be read.
    public var problems: [StorageError]

    public init(sheets: [AnswerSheet], problems: [StorageError]) {
        self.sheets = sheets
        self.problems = problems
    }
}

/// What ``RecordRepository/itemAnalysis(_:in:)`` found.
public struct VerifiedItemAnalysis: Sendable {
    public var report: ItemAnalysisReport
    /// Records left out because they do not verify or cannot be read.
    public var problems: [StorageError]

    public init(report: ItemAnalysisReport, problems: [StorageError]) {
        self.report = report
        self.problems = problems
    }
}

/// What ``RecordRepository/knowledgeGain(_:in:)`` found.
public struct VerifiedKnowledgeGain: Sendable {
    public var report: KnowledgeGainReport
    /// Records left out because they do not verify or cannot be read.
    public var problems: [StorageError]

    public init(report: KnowledgeGainReport, problems: [StorageError]) {
        self.report = report
        self.problems = problems
    }
}

/// What ``RecordRepository/statistics(_:_:in:)`` found.
public struct VerifiedStatistics: Sendable {
    public var itemAnalysis: ItemAnalysisReport
    public var knowledgeGain: KnowledgeGainReport
    /// Records left out because they do not verify or cannot be read.
    public var problems: [StorageError]

    public init(itemAnalysis: ItemAnalysisReport, knowledgeGain: KnowledgeGainReport, problems: [StorageError]) {
        self.itemAnalysis = itemAnalysis
        self.knowledgeGain = knowledgeGain
        self.problems = problems
    }
}
