/// The report's people, kept up to date as records are written (migration 6): per person (the
/// report's three person columns) and per school year starting on July 1, the number of
/// attempts, the latest record and the latest passing one, with the columns that order them.
/// A report for a school year that starts on July 1 (the default) reads these rows, one or a few
/// per person, instead of grouping every record; a report for a year that starts on another day
/// groups the records as before.
///
/// Triggers keep the table in step with `completion_records`, in the statement that changes
/// it: an insert adds its rows to their people's counts (in key order, so concurrent writers
/// lock people in the same order); an update of a column the report groups or orders by, or a
/// delete, counts its people again from their records; a truncate empties the table.
///
/// The table is derived, not signed: the report checks every record it names (its seal, or its
/// signature) and that the record is one of that person's, from the right year, and passing when
/// named as passing (``PostgresRecordRepository/ReportSource``); a row that fails that makes the
/// report group the records themselves.
enum ReportPeople {
    /// The first day (July 1) of the school year `day` (an SQL date expression) falls in.
    static func yearStart(of day: String) -> String {
        "make_date(extract(year FROM \(day))::int - (extract(month FROM \(day)) < 7)::int, 7, 1)"
    }

    /// The report's order of records, latest first.
    static let order = "completed_at DESC, utc_offset_seconds DESC, id DESC"

    /// The people of the records in `rows` (an SQL table expression), grouped, with their
    /// counts, latest and latest passing records: the columns of `report_people`, in order.
    static func grouped(_ rows: String) -> String {
        """
        SELECT person_key, employee_key, roster_name_key, year_start, count(*),
            (array_agg(id ORDER BY \(order)))[1],
            (array_agg(completed_at ORDER BY \(order)))[1],
            (array_agg(utc_offset_seconds ORDER BY \(order)))[1],
            (array_agg(id ORDER BY \(order)) FILTER (WHERE completes_training))[1],
            (array_agg(completed_at ORDER BY \(order)) FILTER (WHERE completes_training))[1],
            (array_agg(utc_offset_seconds ORDER BY \(order)) FILTER (WHERE completes_training))[1]
        FROM (SELECT *, \(yearStart(of: "completed_on")) AS year_start FROM \(rows)) AS records
        GROUP BY person_key, employee_key, roster_name_key, year_start
        ORDER BY person_key, employee_key, roster_name_key, year_start
        """
    }

    static let columns = """
        person_key, employee_key, roster_name_key, year_start, attempts, latest_id, latest_completed_at,
            latest_utc_offset_seconds, passing_id, passing_completed_at, passing_utc_offset_seconds
        """

    /// Whether the record in `new` (columns prefixed `new.`/`excluded.`) comes after the one in
    /// `old`, in the report's order.
    private static func isLater(_ new: String, than old: String, _ kind: String) -> String {
        """
        (\(new).\(kind)_completed_at, \(new).\(kind)_utc_offset_seconds, \(new).\(kind)_id)
            > (\(old).\(kind)_completed_at, \(old).\(kind)_utc_offset_seconds, \(old).\(kind)_id)
        """
    }

    private static func keepLater(_ kind: String, nullable: Bool) -> String {
        let later =
            nullable
            ? "p.\(kind)_id IS NULL OR (excluded.\(kind)_id IS NOT NULL AND \(isLater("excluded", than: "p", kind)))"
            : isLater("excluded", than: "p", kind)
        return ["id", "completed_at", "utc_offset_seconds"].map { column in
            "\(kind)_\(column) = CASE WHEN \(later) THEN excluded.\(kind)_\(column) ELSE p.\(kind)_\(column) END"
        }.joined(separator: ",\n    ")
    }

    /// Counts the people `people` (an SQL query of the three person columns) again from their
    /// records: their rows are deleted and made anew.
    private static func recount(_ people: String) -> String {
        """
        WITH people AS (\(people))
        DELETE FROM {schema}.report_people p USING people g
        WHERE p.person_key = g.person_key AND p.employee_key = g.employee_key
            AND p.roster_name_key IS NOT DISTINCT FROM g.roster_name_key;
        WITH people AS (\(people))
        INSERT INTO {schema}.report_people (\(columns))
        \(grouped("""
            (SELECT r.* FROM {schema}.completion_records r JOIN people g ON r.person_key = g.person_key
                AND r.employee_key = g.employee_key AND r.roster_name_key IS NOT DISTINCT FROM g.roster_name_key) AS mine
            """));
        """
    }

    /// The people of rows an update changed in a column the report groups or orders by, before
    /// and after.
    private static let changedPeople = {
        let reportColumns = [
            "person_key", "employee_key", "roster_name_key", "completed_at", "utc_offset_seconds", "completed_on",
            "completes_training",
        ]
        let changed =
            "(\(reportColumns.map { "o.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM "
            + "(\(reportColumns.map { "n.\($0)" }.joined(separator: ", ")))"
        return """
            SELECT o.person_key, o.employee_key, o.roster_name_key FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
            WHERE n.id IS NULL OR \(changed)
            UNION
            SELECT n.person_key, n.employee_key, n.roster_name_key FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
            WHERE o.id IS NULL OR \(changed)
            """
    }()

    static let migrationStatements = [
        """
        CREATE TABLE {schema}.report_people (
            person_key text NOT NULL,
            employee_key text NOT NULL,
            roster_name_key text,
            year_start date NOT NULL,
            attempts integer NOT NULL,
            latest_id uuid NOT NULL,
            latest_completed_at timestamptz NOT NULL,
            latest_utc_offset_seconds integer NOT NULL,
            passing_id uuid,
            passing_completed_at timestamptz,
            passing_utc_offset_seconds integer,
            UNIQUE NULLS NOT DISTINCT (person_key, employee_key, roster_name_key, year_start)
        )
        """,
        "INSERT INTO {schema}.report_people (\(columns))\n\(grouped("{schema}.completion_records"))",
        """
        CREATE FUNCTION {schema}.report_people_add() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO {schema}.report_people AS p (\(columns))
            \(grouped("new_rows"))
            ON CONFLICT (person_key, employee_key, roster_name_key, year_start) DO UPDATE SET
                attempts = p.attempts + excluded.attempts,
                \(keepLater("latest", nullable: false)),
                \(keepLater("passing", nullable: true));
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION {schema}.report_people_recount_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(recount(changedPeople))
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION {schema}.report_people_recount_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(recount("SELECT DISTINCT person_key, employee_key, roster_name_key FROM old_rows"))
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION {schema}.report_people_empty() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            TRUNCATE {schema}.report_people;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER report_people_on_insert AFTER INSERT ON {schema}.completion_records
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {schema}.report_people_add()
        """,
        """
        CREATE TRIGGER report_people_on_update AFTER UPDATE ON {schema}.completion_records
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.report_people_recount_changed()
        """,
        """
        CREATE TRIGGER report_people_on_delete AFTER DELETE ON {schema}.completion_records
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {schema}.report_people_recount_deleted()
        """,
        """
        CREATE TRIGGER report_people_on_truncate AFTER TRUNCATE ON {schema}.completion_records
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.report_people_empty()
        """,
    ]
}
