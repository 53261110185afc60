/// The records' answers as rows (migration 8), for item analysis in SQL: `answer_sheets`, one
/// row per record (its jurisdiction, school and role, whether it is individually scored, and its
/// points of the points possible), and `record_answers`, one row per answered question (its
/// item, the chosen and correct options, its points). ``PostgresRecordRepository`` groups these
/// instead of reading and decoding every record.
///
/// The rows are derived in SQL from the `record` jsonb copy of each record, which is written in
/// the same statement as its signed file, from the record that was signed here or verified on
/// import: triggers keep them in step with `completion_records` (an insert adds its records'
/// rows, an update of `record` derives them again, a delete or truncate removes them), and
/// the migration derives them for the records already stored.
///
/// Derived, not signed: the analysis counts only the answers of records that check out (their
/// row's seal, else their signature; see ``PostgresRecordRepository/itemAnalysis(_:in:)``).
enum RecordAnswers {
    /// One `answer_sheets` row per record of `rows` (an SQL table expression with `id` and
    /// `record`): the table's columns, in order.
    static func sheets(of rows: String) -> String {
        """
        SELECT r.id, r.record->'training'->>'jurisdiction', r.record->'trainee'->>'school',
            r.record->'trainee'->>'role', r.record->'mode'->>'kind' IS DISTINCT FROM 'group-attendance',
            coalesce(t.points, 0), coalesce(t.possible, 0)
        FROM \(rows) r
        LEFT JOIN LATERAL (
            SELECT sum((q->>'points')::integer) AS points, sum((q->>'possiblePoints')::integer) AS possible
            FROM jsonb_array_elements(r.record->'questions') AS q
        ) t ON true
        """
    }

    /// One `record_answers` row per question of the records of `rows`: the table's columns.
    static func answers(of rows: String) -> String {
        """
        SELECT r.id, q.position::integer, q.value->>'vignette', (q.value->>'stage')::integer, q.value->>'kind',
            q.value->>'chosenOption', q.value->>'correctOption', (q.value->>'points')::integer,
            (q.value->>'possiblePoints')::integer
        FROM \(rows) r CROSS JOIN LATERAL jsonb_array_elements(r.record->'questions') WITH ORDINALITY AS q(value, position)
        """
    }

    static let sheetColumns = "id, jurisdiction, school, role, individually_scored, points, possible_points"
    static let answerColumns =
        "record_id, position, vignette, stage, kind, chosen_option, correct_option, points, possible_points"

    /// Adds the rows of the records in `rows`.
    private static func add(_ rows: String) -> String {
        """
        INSERT INTO {schema}.answer_sheets (\(sheetColumns))
        \(sheets(of: rows));
        INSERT INTO {schema}.record_answers (\(answerColumns))
        \(answers(of: rows));
        """
    }

    /// Removes the rows of the records whose ids `ids` (an SQL query) gives.
    private static func remove(_ ids: String) -> String {
        """
        DELETE FROM {schema}.record_answers WHERE record_id IN (\(ids));
        DELETE FROM {schema}.answer_sheets WHERE id IN (\(ids));
        """
    }

    static let migrationStatements = [
        """
        CREATE TABLE {schema}.answer_sheets (
            id uuid PRIMARY KEY,
            jurisdiction text NOT NULL,
            school text,
            role text,
            individually_scored boolean NOT NULL,
            points integer NOT NULL,
            possible_points integer NOT NULL
        )
        """,
        "CREATE INDEX answer_sheets_by_scope ON {schema}.answer_sheets (jurisdiction, school)",
        """
        CREATE TABLE {schema}.record_answers (
            record_id uuid NOT NULL,
            position integer NOT NULL,
            vignette text NOT NULL,
            stage integer NOT NULL,
            kind text NOT NULL,
            chosen_option text NOT NULL,
            correct_option text NOT NULL,
            points integer NOT NULL,
            possible_points integer NOT NULL,
            PRIMARY KEY (record_id, position)
        )
        """,
        "INSERT INTO {schema}.answer_sheets (\(sheetColumns))\n\(sheets(of: "{schema}.completion_records"))",
        "INSERT INTO {schema}.record_answers (\(answerColumns))\n\(answers(of: "{schema}.completion_records"))",
        """
        CREATE FUNCTION {schema}.record_answers_add() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(add("new_rows"))
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION {schema}.record_answers_derive_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(remove("SELECT o.id FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id WHERE n.record IS DISTINCT FROM o.record"))
            \(add("(SELECT n.* FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id WHERE n.record IS DISTINCT FROM o.record)"))
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION {schema}.record_answers_remove_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            \(remove("SELECT id FROM old_rows"))
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION {schema}.record_answers_empty() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            TRUNCATE {schema}.record_answers, {schema}.answer_sheets;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER record_answers_on_insert AFTER INSERT ON {schema}.completion_records
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {schema}.record_answers_add()
        """,
        """
        CREATE TRIGGER record_answers_on_update AFTER UPDATE ON {schema}.completion_records
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.record_answers_derive_changed()
        """,
        """
        CREATE TRIGGER record_answers_on_delete AFTER DELETE ON {schema}.completion_records
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {schema}.record_answers_remove_deleted()
        """,
        """
        CREATE TRIGGER record_answers_on_truncate AFTER TRUNCATE ON {schema}.completion_records
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.record_answers_empty()
        """,
    ]
}
