import Foundation
import Records
import Storage
import XAPI

extension StatementExport {
    /// What ``enqueueAll(into:)`` did.
    public struct Queued: Sendable {
        /// Records queued now.
        public var queued: Int
        /// Records queued or delivered before (their first statements stand).
        public var before: Int
        /// Records left out because they do not verify.
        public var problems: [StorageError]
    }

    /// Queues the statements of every record that verifies and is neither queued nor delivered yet.
    public func enqueueAll(into outbox: StatementOutbox) async throws(StatementDeliveryError) -> Queued {
        var (queued, before) = (0, 0)
        var failure: StatementDeliveryError?
        let problems: [StorageError]
        let delivered = try outbox.deliveredRecordIDs()
        do throws(StorageError) {
            problems = try await forEachRecord { record, statements throws(StorageError) in
                guard failure == nil else { return }
                if delivered.contains(record.id) {
                    before += 1
                    return
                }
                do throws(StatementDeliveryError) {
                    if try outbox.enqueue(recordID: record.id, statements: Statement.json(statements), delivered: delivered) {
                        queued += 1
                    } else {
                        before += 1
                    }
                } catch {
                    failure = error
                }
            }
        } catch {
            throw .records(error)
        }
        if let failure { throw failure }
        return Queued(queued: queued, before: before, problems: problems)
    }

    /// Queues `record`'s statements (after the record is stored); false when queued or delivered before.
    public func enqueue(_ record: CompletionRecord, into outbox: StatementOutbox) throws(StatementDeliveryError) -> Bool {
        try outbox.enqueue(recordID: record.id.uuidString.lowercased(), statements: Statement.json(statements(of: record)))
    }
}
