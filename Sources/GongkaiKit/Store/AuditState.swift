/// Whether the audit's findings describe what is loaded. A load marks them stale; the first statement
/// that reads `finding` after that (`findings by rule`, `where severity = error`, raw SQL on the table)
/// runs every rule first, so an answer never depends on having typed `check` (a fresh session would
/// otherwise say `(0 rows)` about reports with errors). `check` runs on demand as before.
enum AuditState {
    static let key = "audit_stale"

    static func markStale(_ database: Database) throws {
        try database.execute("INSERT OR REPLACE INTO gongkai_state (key, value) VALUES (?1, '1')", [.text(key)])
    }

    static func isStale(_ database: Database) -> Bool {
        (try? database.scalar("SELECT value FROM gongkai_state WHERE key = ?1", [.text(key)]))??.string == "1"
    }

    static func markCurrent(_ database: Database) throws {
        try database.execute("DELETE FROM gongkai_state WHERE key = ?1", [.text(key)])
    }
}
