import PostgresNIO
import Storage

extension RecordDatabase {
    /// Vacuums and analyses the records table, as PostgreSQL's autovacuum does on its own some
    /// time after many rows were written: the report reads its index alone only where the
    /// table's pages are marked all-visible. For use after loading many records at once.
    public func vacuumRecords() async throws(StorageError) {
        try await run { client in
            _ = try await client.query(sql("VACUUM (ANALYZE) {schema}.completion_records"))
        }
    }

    /// How many rows the records table holds (counted, not verified).
    public func recordRows() async throws(StorageError) -> Int {
        try await run { client in
            var count = 0
            for try await row in try await client.query(sql("SELECT count(*) FROM {schema}.completion_records"))
                .decode(Int.self)
            {
                count = row
            }
            return count
        }
    }
}
