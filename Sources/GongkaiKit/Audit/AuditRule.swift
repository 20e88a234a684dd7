/// An audit rule: an id users type, a Chinese title, a severity, and one SQL statement that inserts a
/// `finding` row for every place the rule fails, over the reports listed in `temp.audit_scope`.
/// Rules are plain SQL so that `explain check` can show them and SQLite does the work.
public struct AuditRule: Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var id: String
    public var title: String
    public var severity: Severity
    public var summary: String
    /// `INSERT INTO finding (report_id, rule, severity, message, expected, actual, location) SELECT …`
    public var sql: String
}

/// Shared SQL pieces.
enum AuditSQL {
    static let insert = "INSERT INTO finding (report_id, rule, severity, message, expected, actual, location) "
    static let scope = "IN (SELECT id FROM temp.audit_scope)"
    /// The reports in scope, for the `cells` rule, which reads its three tables through:
    /// `FROM article20 a \(scanned("a"))`. The table is read in its own order and each row's report looked
    /// up in the scope — not the scope walked and each report's rows found through the index, which is
    /// SQLite's choice for `report_id IN scope` and 4× slower over a whole database (article20 of 100,000
    /// reports: 0.64 s → 0.17 s). A scope of two reports (`compare`) then reads the tables through too
    /// (about 0.45 s at 100,000); the other rules keep the index, which a small scope wants.
    static func scanned(_ alias: String) -> String {
        "CROSS JOIN temp.audit_scope \(alias)_scope ON \(alias)_scope.id = \(alias).report_id"
    }
    /// A number as text without a trailing `.0`.
    static func number(_ expression: String) -> String {
        "CASE WHEN \(expression) = CAST(\(expression) AS INTEGER) THEN CAST(CAST(\(expression) AS INTEGER) AS TEXT) ELSE CAST(\(expression) AS TEXT) END"
    }
    /// `prev` is the same body's report of the year before: same body key, same county where both say one.
    static let previousYear = """
        JOIN report p ON p.body = r.body AND p.year = r.year - 1 AND (p.county IS r.county OR p.county IS NULL OR r.county IS NULL) AND p.id <> r.id
        """
}
