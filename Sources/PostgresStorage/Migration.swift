/// One numbered change to the database's schema, kept in the source as data. Migrations are
/// applied in order, each in the transaction that records it in `schema_migrations`, and are
/// never edited once released: a change is a new migration.
public struct Migration: Sendable {
    public var version: Int
    public var description: String
    /// The SQL statements, one each; `{schema}` stands for the schema's quoted name.
    public var statements: [String]

    /// Every migration, oldest first.
    public static let all: [Migration] = [
        Migration(
            version: 1,
            description: "completion records: the signed file, a jsonb copy, the signature, and the report's columns",
            statements: [
                """
                CREATE TABLE {schema}.completion_records (
                    id uuid PRIMARY KEY,
                    signed_file bytea NOT NULL,
                    record jsonb NOT NULL,
                    key_id text NOT NULL,
                    signature text NOT NULL,
                    person_key text NOT NULL,
                    employee_key text NOT NULL,
                    roster_name_key text,
                    completed_at timestamptz NOT NULL,
                    utc_offset_seconds integer NOT NULL,
                    completed_on date NOT NULL,
                    completes_training boolean NOT NULL,
                    stored_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                "CREATE INDEX completion_records_by_day ON {schema}.completion_records (completed_on)",
                """
                CREATE INDEX completion_records_by_person ON {schema}.completion_records
                    (person_key, completed_at DESC, utc_offset_seconds DESC, id DESC)
                """,
            ]),
        Migration(
            version: 2,
            description: "the staff roster, matched to records by employee id, else by name and school",
            statements: [
                """
                CREATE TABLE {schema}.staff_members (
                    employee_key text PRIMARY KEY,
                    employee_id text NOT NULL,
                    name text NOT NULL,
                    email text,
                    school text NOT NULL,
                    district text,
                    role text,
                    hire_date date,
                    roster_name_key text NOT NULL
                )
                """,
                "CREATE INDEX staff_members_by_name ON {schema}.staff_members (roster_name_key)",
            ]),
        Migration(
            version: 3,
            description:
                "row seals (the signed file's SHA-256, the summary, an HMAC under the installation key); the report's index",
            statements: [
                """
                ALTER TABLE {schema}.completion_records
                    ADD COLUMN signed_sha256 bytea,
                    ADD COLUMN summary text,
                    ADD COLUMN seal bytea,
                    ADD COLUMN seal_key text
                """,
                // The report groups in this index's order, reading the index alone (no sort of the table).
                """
                CREATE INDEX completion_records_for_report ON {schema}.completion_records
                    (person_key, employee_key, roster_name_key, completed_at DESC, utc_offset_seconds DESC, id DESC)
                    INCLUDE (completed_on, completes_training)
                """,
                "DROP INDEX {schema}.completion_records_by_person",
            ]),
        Migration(
            version: 4,
            description:
                "row checks: which version of a row (its xmin) had its signed file hashed against its sealed digest",
            statements: [
                """
                CREATE TABLE {schema}.record_checks (
                    id uuid PRIMARY KEY REFERENCES {schema}.completion_records (id) ON DELETE CASCADE,
                    row_version bigint NOT NULL,
                    mac bytea NOT NULL
                )
                """
            ]),
        Migration(
            version: 5,
            description: "accounts of the district server: invitations, administrators, web sessions, the audit log",
            statements: PostgresAccountStore.migrationStatements),
        Migration(
            version: 6,
            description:
                "the report's people: per person and school year, the attempts, the latest record and the latest passing one",
            statements: ReportPeople.migrationStatements),
        Migration(
            version: 7,
            description: "administrators' roles: the school of a site administrator (none: the whole district)",
            statements: PostgresAccountStore.roleMigrationStatements),
        Migration(
            version: 8,
            description: "the records' answers as rows (answer_sheets, record_answers), for item analysis in SQL",
            statements: RecordAnswers.migrationStatements),
    ]

    /// The version a database must be at for this csec-trainer.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
