import Accounts
import Foundation
import PostgresNIO
import Records
import Storage

/// The accounts of the district server in a county's PostgreSQL database (migrations 5 and 7), beside
/// its records and roster: `invitations`, `administrators`, `web_sessions` and `audit_log`.
/// Tokens are kept as their SHA-256 only. A redemption locks the invitation's row (`FOR
/// UPDATE`), so of any number at once exactly one succeeds; the audit log's rows can be
/// inserted but neither updated nor deleted (a trigger refuses), and each names the hash of
/// the one before (``AuditChain``).
public struct PostgresAccountStore: AccountStore {
    public let database: RecordDatabase

    /// The accounts of `database`, which must be migrated to this csec-trainer's schema version.
    public static func open(_ database: RecordDatabase) async throws(AccountError) -> PostgresAccountStore {
        do {
            try await database.requireCurrentSchema()
        } catch {
            throw .storedData(error)
        }
        return PostgresAccountStore(database: database)
    }

    static let migrationStatements = [
        """
        CREATE TABLE {schema}.invitations (
            token_hash text PRIMARY KEY,
            employee_key text NOT NULL,
            school_key text NOT NULL,
            person jsonb NOT NULL,
            issued_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            redeemed_at timestamptz,
            revoked_at timestamptz,
            issued_order bigserial NOT NULL
        )
        """,
        """
        CREATE INDEX invitations_outstanding ON {schema}.invitations (employee_key, school_key)
            WHERE redeemed_at IS NULL AND revoked_at IS NULL
        """,
        """
        CREATE TABLE {schema}.administrators (
            name_key text PRIMARY KEY,
            name text NOT NULL,
            password_hash text NOT NULL,
            added_at timestamptz NOT NULL,
            added_order bigserial NOT NULL
        )
        """,
        """
        CREATE TABLE {schema}.web_sessions (
            token_hash text PRIMARY KEY,
            person jsonb NOT NULL,
            csrf_token text NOT NULL,
            started_at timestamptz NOT NULL,
            last_seen_at timestamptz NOT NULL
        )
        """,
        "CREATE TABLE {schema}.audit_log (number bigint PRIMARY KEY, line text NOT NULL)",
        """
        CREATE FUNCTION {schema}.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only: its lines are never changed or removed';
        END
        $$
        """,
        """
        CREATE TRIGGER audit_log_rows_stay BEFORE UPDATE OR DELETE ON {schema}.audit_log
            FOR EACH ROW EXECUTE FUNCTION {schema}.audit_log_is_append_only()
        """,
        """
        CREATE TRIGGER audit_log_table_stays BEFORE TRUNCATE ON {schema}.audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_log_is_append_only()
        """,
    ]

    /// Migration 7: the school of a site administrator (NULL: a district administrator, as every
    /// administrator added before it).
    static let roleMigrationStatements = [
        "ALTER TABLE {schema}.administrators ADD COLUMN school text"
    ]

    private func table(_ name: String) -> String { database.quotedSchema + "." + name }

    /// Runs `body` with the pool; an ``AccountError`` thrown inside passes through, any other
    /// failure becomes ``AccountError/storage(location:reason:)``.
    private func run<Result: Sendable>(_ body: (PostgresClient) async throws -> Result) async throws(AccountError) -> Result {
        do {
            return try await body(database.client)
        } catch let error as AccountError {
            throw error
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError as? AccountError { throw inner }
            throw .storage(location: database.location, reason: RecordDatabase.reason(error))
        } catch {
            throw .storage(location: database.location, reason: RecordDatabase.reason(error))
        }
    }

    private static func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private static func value<Value: Decodable>(_ type: Value.Type, json: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    // MARK: Invitations

    public func issue(_ invitations: [Invitation]) async throws(AccountError) {
        let table = table("invitations")
        try await run { client in
            let people = try invitations.map { try Self.json($0.person) }
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                // The earlier links of the same people end when the new ones are issued.
                try await connection.query(
                    """
                    UPDATE \(unescaped: table) AS old SET revoked_at = new.issued_at
                    FROM unnest(\(invitations.map(\.person.employeeKey)), \(invitations.map(\.issuedAt)))
                        AS new(employee_key, issued_at)
                    WHERE old.employee_key = new.employee_key AND old.redeemed_at IS NULL AND old.revoked_at IS NULL
                    """, logger: RecordDatabase.logger)
                try await connection.query(
                    """
                    INSERT INTO \(unescaped: table) (token_hash, employee_key, school_key, person, issued_at, expires_at)
                    SELECT hash, employee, school, person::jsonb, issued, expires
                    FROM unnest(\(invitations.map(\.tokenHash)), \(invitations.map(\.person.employeeKey)),
                        \(invitations.map { MatchingText.folded($0.person.school) }), \(people),
                        \(invitations.map(\.issuedAt)), \(invitations.map(\.expiresAt)))
                        WITH ORDINALITY AS incoming(hash, employee, school, person, issued, expires, position)
                    ORDER BY position
                    """, logger: RecordDatabase.logger)
            }
        }
    }

    private static let invitationColumns = "token_hash, person::text, issued_at, expires_at, redeemed_at, revoked_at"

    private static func invitations(from rows: PostgresRowSequence) async throws -> [Invitation] {
        var found: [Invitation] = []
        for try await (hash, person, issued, expires, redeemed, revoked) in rows.decode(
            (String, String, Date, Date, Date?, Date?).self)
        {
            found.append(
                Invitation(
                    tokenHash: hash, person: try value(StaffMember.self, json: person), issuedAt: issued,
                    expiresAt: expires, redeemedAt: redeemed, revokedAt: revoked))
        }
        return found
    }

    public func redeemInvitation(tokenHash: String, now: Date) async throws(AccountError) -> Invitation {
        let table = table("invitations")
        return try await run { client in
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                let rows = try await connection.query(
                    "SELECT \(unescaped: Self.invitationColumns) FROM \(unescaped: table) WHERE token_hash = \(tokenHash) FOR UPDATE",
                    logger: RecordDatabase.logger)
                guard let invitation = try await Self.invitations(from: rows).first else {
                    throw AccountError.invitationUnknown
                }
                let used = try invitation.redeemed(at: now)
                try await connection.query(
                    "UPDATE \(unescaped: table) SET redeemed_at = \(now) WHERE token_hash = \(tokenHash)",
                    logger: RecordDatabase.logger)
                return used
            }
        }
    }

    public func revokeInvitations(_ selection: InvitationSelection, now: Date) async throws(AccountError) -> Int {
        let table = table("invitations")
        let (column, key): (String, String?) =
            switch selection {
            case .person(let employeeID): ("employee_key", MatchingText.folded(employeeID))
            case .school(let school): ("school_key", MatchingText.folded(school))
            case .everyone: ("employee_key", nil)
            }
        return try await run { client in
            let rows = try await client.query(
                """
                UPDATE \(unescaped: table) SET revoked_at = \(now)
                WHERE redeemed_at IS NULL AND revoked_at IS NULL AND (\(key)::text IS NULL OR \(unescaped: column) = \(key))
                RETURNING 1
                """)
            var count = 0
            for try await _ in rows { count += 1 }
            return count
        }
    }

    public func invitations() async throws(AccountError) -> [Invitation] {
        let table = table("invitations")
        return try await run { client in
            try await Self.invitations(
                from: try await client.query(
                    "SELECT \(unescaped: Self.invitationColumns) FROM \(unescaped: table) ORDER BY issued_order"))
        }
    }

    // MARK: Administrators

    public func addAdministrator(_ account: AdministratorAccount) async throws(AccountError) {
        let table = table("administrators")
        let added = try await run { client in
            let rows = try await client.query(
                """
                INSERT INTO \(unescaped: table) (name_key, name, password_hash, added_at, school)
                VALUES (\(account.nameKey), \(account.name), \(account.passwordHash), \(account.addedAt), \(account.school))
                ON CONFLICT (name_key) DO NOTHING RETURNING 1
                """)
            var count = 0
            for try await _ in rows { count += 1 }
            return count
        }
        if added == 0 { throw .administratorExists(name: account.name) }
    }

    public func administrator(named name: String) async throws(AccountError) -> AdministratorAccount? {
        try await administrators(where: MatchingText.folded(name)).first
    }

    public func administrators() async throws(AccountError) -> [AdministratorAccount] {
        try await administrators(where: nil)
    }

    public func changeAdministrator(named name: String, school: String?) async throws(AccountError)
        -> AdministratorAccount
    {
        let (table, key) = (table("administrators"), MatchingText.folded(name))
        let changed = try await run { client in
            let rows = try await client.query(
                """
                UPDATE \(unescaped: table) SET school = \(school) WHERE name_key = \(key)
                RETURNING name, password_hash, added_at, school
                """)
            return try await Self.accounts(in: rows)
        }
        guard let account = changed.first else { throw .noSuchAdministrator(name: name) }
        return account
    }

    public func removeAdministrator(named name: String) async throws(AccountError) -> AdministratorAccount {
        let (table, key) = (table("administrators"), MatchingText.folded(name))
        let removed = try await run { client in
            let rows = try await client.query(
                "DELETE FROM \(unescaped: table) WHERE name_key = \(key) RETURNING name, password_hash, added_at, school")
            return try await Self.accounts(in: rows)
        }
        guard let account = removed.first else { throw .noSuchAdministrator(name: name) }
        return account
    }

    private func administrators(where nameKey: String?) async throws(AccountError) -> [AdministratorAccount] {
        let table = table("administrators")
        return try await run { client in
            let rows = try await client.query(
                """
                SELECT name, password_hash, added_at, school FROM \(unescaped: table)
                WHERE \(nameKey)::text IS NULL OR name_key = \(nameKey) ORDER BY added_order
                """)
            return try await Self.accounts(in: rows)
        }
    }

    /// The administrators in `rows` of name, password hash, time added and school.
    private static func accounts(in rows: PostgresRowSequence) async throws -> [AdministratorAccount] {
        var found: [AdministratorAccount] = []
        for try await (name, hash, added, school) in rows.decode((String, String, Date, String?).self) {
            found.append(AdministratorAccount(name: name, passwordHash: hash, addedAt: added, school: school))
        }
        return found
    }

    // MARK: Sessions

    public func saveSession(_ session: StoredSession) async throws(AccountError) {
        let table = table("web_sessions")
        try await run { client in
            _ = try await client.query(
                """
                INSERT INTO \(unescaped: table) (token_hash, person, csrf_token, started_at, last_seen_at)
                VALUES (\(session.tokenHash), \(try Self.json(session.person))::jsonb, \(session.csrfToken),
                    \(session.startedAt), \(session.lastSeenAt))
                ON CONFLICT (token_hash) DO UPDATE SET person = excluded.person, csrf_token = excluded.csrf_token,
                    started_at = excluded.started_at, last_seen_at = excluded.last_seen_at
                """)
        }
    }

    public func session(tokenHash: String) async throws(AccountError) -> StoredSession? {
        let table = table("web_sessions")
        return try await run { client in
            let rows = try await client.query(
                """
                SELECT person::text, csrf_token, started_at, last_seen_at FROM \(unescaped: table)
                WHERE token_hash = \(tokenHash)
                """)
            for try await (person, csrf, started, seen) in rows.decode((String, String, Date, Date).self) {
                return StoredSession(
                    tokenHash: tokenHash, person: try Self.value(SignedInPerson.self, json: person), csrfToken: csrf,
                    startedAt: started, lastSeenAt: seen)
            }
            return nil
        }
    }

    public func touchSession(tokenHash: String, at time: Date) async throws(AccountError) {
        let table = table("web_sessions")
        try await run { client in
            _ = try await client.query(
                """
                UPDATE \(unescaped: table) SET last_seen_at = greatest(last_seen_at, \(time))
                WHERE token_hash = \(tokenHash)
                """)
        }
    }

    public func deleteSession(tokenHash: String) async throws(AccountError) {
        let table = table("web_sessions")
        try await run { client in
            _ = try await client.query("DELETE FROM \(unescaped: table) WHERE token_hash = \(tokenHash)")
        }
    }

    public func deleteExpiredSessions(now: Date, policy: SessionPolicy) async throws(AccountError) -> Int {
        let table = table("web_sessions")
        return try await run { client in
            let rows = try await client.query(
                """
                DELETE FROM \(unescaped: table)
                WHERE least(last_seen_at + make_interval(secs => \(policy.idle)),
                    started_at + make_interval(secs => \(policy.absolute))) <= \(now)
                RETURNING 1
                """)
            var count = 0
            for try await _ in rows { count += 1 }
            return count
        }
    }

    // MARK: Audit log

    public func appendAudit(_ event: AuditEvent) async throws(AccountError) {
        let table = table("audit_log")
        try await run { client in
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                // One writer at a time, so each line follows the last one.
                try await connection.query("LOCK TABLE \(unescaped: table) IN EXCLUSIVE MODE", logger: RecordDatabase.logger)
                let last = try await connection.query(
                    "SELECT line FROM \(unescaped: table) ORDER BY number DESC LIMIT 1", logger: RecordDatabase.logger
                ).decode(String.self).first { _ in true }
                let line = try AuditChain.line(for: event, after: last)
                let number = AuditChain.number(of: line) ?? 0
                try await connection.query(
                    "INSERT INTO \(unescaped: table) (number, line) VALUES (\(number), \(line))", logger: RecordDatabase.logger)
            }
        }
    }

    public func auditTrail() async throws(AccountError) -> AuditTrail {
        let table = table("audit_log")
        return try await run { client in
            var lines: [Substring] = []
            for try await line in try await client.query("SELECT line FROM \(unescaped: table) ORDER BY number").decode(
                String.self)
            {
                lines.append(Substring(line))
            }
            return AuditChain.check(lines)
        }
    }
}

extension RecordBackend {
    /// The accounts kept beside the records: the database's tables when the records are in
    /// one, else `accounts/` in `dataDirectory` (the embedded default).
    public func accountStore(dataDirectory: URL) async throws(AccountError) -> any AccountStore {
        guard let database else { return FileAccountStore(dataDirectory: dataDirectory) }
        return try await PostgresAccountStore.open(database)
    }

    /// The accounts kept beside the records when the installation has any: always in a
    /// database; in `dataDirectory` only when its `accounts/` folder exists (a machine that never
    /// ran the district server gets none made). Where a command line's export is audited.
    public func existingAccountStore(dataDirectory: URL) async throws(AccountError) -> (any AccountStore)? {
        guard database != nil else { return FileAccountStore.existing(in: dataDirectory) }
        return try await accountStore(dataDirectory: dataDirectory)
    }

    /// Appends `event` to the audit log of ``existingAccountStore(dataDirectory:)``, when there
    /// is one; the error when it could not be written (what was audited stands: the caller says
    /// the line is missing).
    public func audit(_ event: AuditEvent, dataDirectory: URL) async -> AccountError? {
        do throws(AccountError) {
            try await existingAccountStore(dataDirectory: dataDirectory)?.appendAudit(event)
            return nil
        } catch {
            return error
        }
    }

    /// The district's accounts: those kept beside the records (``accountStore(dataDirectory:)``),
    /// checked against this backend's staff roster. What the server and the account commands sign
    /// people in and manage accounts with.
    public func accounts(dataDirectory: URL) async throws(AccountError) -> DistrictAccounts {
        DistrictAccounts(store: try await accountStore(dataDirectory: dataDirectory), roster: rosters)
    }
}
