import PostgresNIO
import Storage

extension RecordDatabase {
    /// Applies the migrations the database lacks, all in one transaction, and returns their
    /// versions (none when it is up to date). Refuses a database whose schema is newer than
    /// this csec-trainer knows, changing nothing. Two migrations at once wait for each other.
    public func migrate() async throws(StorageError) -> [Int] {
        try await run { client in
            try await client.withTransaction(logger: Self.logger) { connection in
                try await connection.query(sql("CREATE SCHEMA IF NOT EXISTS {schema}"), logger: Self.logger)
                try await connection.query(
                    sql(
                        """
                        CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
                            version integer PRIMARY KEY,
                            description text NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT now()
                        )
                        """), logger: Self.logger)
                try await connection.query(sql("LOCK TABLE {schema}.schema_migrations IN EXCLUSIVE MODE"), logger: Self.logger)
                let current = try await appliedVersion(on: connection)
                guard current <= Migration.latestVersion else {
                    throw StorageError.schemaTooNew(database: location, found: current, supported: Migration.latestVersion)
                }
                var applied: [Int] = []
                for migration in Migration.all where migration.version > current {
                    for statement in migration.statements {
                        try await connection.query(sql(statement), logger: Self.logger)
                    }
                    try await connection.query(
                        """
                        INSERT INTO \(unescaped: quotedSchema).schema_migrations (version, description)
                        VALUES (\(migration.version), \(migration.description))
                        """, logger: Self.logger)
                    applied.append(migration.version)
                }
                return applied
            }
        }
    }

    /// Drops the schema and everything in it (for tests and benchmarks that made their own).
    public static func dropSchema(of database: RecordDatabase) async throws(StorageError) {
        try await database.run { client in
            _ = try await client.query(database.sql("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        }
    }

    /// The highest migration applied (0 for a database never migrated).
    public func schemaVersion() async throws(StorageError) -> Int {
        try await run { client in
            try await client.withConnection { connection in try await appliedVersion(on: connection) }
        }
    }

    /// Throws unless the schema is exactly at ``Migration/latestVersion``.
    func requireCurrentSchema() async throws(StorageError) {
        let version = try await schemaVersion()
        if version > Migration.latestVersion {
            throw .schemaTooNew(database: location, found: version, supported: Migration.latestVersion)
        }
        if version < Migration.latestVersion {
            throw .schemaNotMigrated(database: location, found: version, required: Migration.latestVersion)
        }
    }

    private func appliedVersion(on connection: PostgresConnection) async throws -> Int {
        let exists = try await connection.query(
            "SELECT to_regclass(\(quotedSchema + ".schema_migrations")) IS NOT NULL", logger: Self.logger
        ).decode(Bool.self).first { _ in true }
        guard exists == true else { return 0 }
        let rows = try await connection.query(
            sql("SELECT coalesce(max(version), 0) FROM {schema}.schema_migrations"), logger: Self.logger)
        return try await rows.decode(Int.self).first { _ in true } ?? 0
    }
}
