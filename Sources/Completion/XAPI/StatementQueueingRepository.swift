import Foundation
import ItemAnalysis
import RecordStore
import Records
import Storage

/// A record repository that queues each record's xAPI statements in an outbox once the record
/// is stored (never before): how the district server sends statements as attempts finish.
/// Everything else goes to `base` unchanged. A record stored but not queued (the outbox cannot
/// be written) is still stored; `queued` hears of it, and `records send` queues it later.
public struct StatementQueueingRepository: RecordRepository {
    public let base: any RecordRepository
    private let export: StatementExport
    private let outbox: StatementOutbox
    private let queued: @Sendable (Result<Bool, StatementDeliveryError>) -> Void

    /// `queued` hears of each record after it is stored: true when queued now, or the error.
    public init(
        base: any RecordRepository, export: StatementExport, outbox: StatementOutbox,
        queued: @escaping @Sendable (Result<Bool, StatementDeliveryError>) -> Void
    ) {
        self.base = base
        self.export = export
        self.outbox = outbox
        self.queued = queued
    }

    public var location: String { base.location }

    public func saveOnce(_ record: CompletionRecord) async throws(StorageError) -> SavedRecord {
        let saved = try await base.saveOnce(record)
        do throws(StatementDeliveryError) {
            queued(.success(try export.enqueue(saved.signed.record, into: outbox)))
        } catch {
            queued(.failure(error))
        }
        return saved
    }

    public func find(_ id: String) async throws(StorageError) -> VerifiedRecord { try await base.find(id) }
    public func summaries() async throws(StorageError) -> VerifiedSummaries { try await base.summaries() }

    public func complianceReport(for schoolYear: SchoolYear, asOf: CalendarDate, roster: StaffRoster?)
        async throws(StorageError) -> VerifiedReport
    {
        try await base.complianceReport(for: schoolYear, asOf: asOf, roster: roster)
    }

    public func importSigned(_ contents: Data, from source: String) async throws(StorageError) -> SavedRecord {
        try await base.importSigned(contents, from: source)
    }

    public func forEachRecord(_ body: (VerifiedRecord) async throws(StorageError) -> Void) async throws(StorageError)
        -> [StorageError]
    {
        try await base.forEachRecord(body)
    }

    public func records(of person: Trainee) async throws(StorageError) -> [VerifiedRecord] {
        try await base.records(of: person)
    }

    public func answerSheets() async throws(StorageError) -> VerifiedAnswerSheets { try await base.answerSheets() }

    public func itemAnalysis(_ analysis: ItemAnalysis, in scope: AnalysisScope) async throws(StorageError)
        -> VerifiedItemAnalysis
    {
        try await base.itemAnalysis(analysis, in: scope)
    }
}
