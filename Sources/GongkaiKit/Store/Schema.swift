/// The tables users write raw SQL against (docs/schema.md documents every column and the values it takes).
/// Column names are English; category values are the templates' own Chinese labels.
///
/// A gongkai database is recognised by its `application_id` ('gkai') and `user_version` (the schema
/// version), so `--db FILE` never writes into a database that is not one of ours.
public enum Schema {
    public static let applicationID: Int64 = 0x676B_6169  // "gkai"
    public static let version: Int64 = 5

    public static let tables = ["report", "narrative", "active_channel", "narrative_number", "article20", "request_row", "review_litigation", "finding",
                                "duplicate_report", "text_reuse", "report_total"]
    /// The views: `request`, section 三 one cell per row (RequestRows).
    public static let views = ["request"]
    /// The tables that hang off a report (deleted with it when a better file of the same report replaces it).
    static let childTables = ["narrative", "active_channel", "narrative_number", "article20", "request_row", "review_litigation", "finding", "duplicate_report",
                              "text_reuse", "report_total"]

    /// The CHECKs list their values as `column = 'a' OR column = 'b'`, never `column IN ('a', 'b', …)`: SQLite
    /// builds an IN list of three or more constants into an ephemeral table on every execution of an
    /// INSERT, so on `request` (21 million rows for 100,000 reports) the IN form alone doubled the time of
    /// an insert — for gongkai's loader and for the sqlite3 shell's `.import` alike (measured: 6.3 s → 3.2 s
    /// for the 1.7 million request rows of 10,000 reports).
    public static let sql = """
    PRAGMA foreign_keys = ON;
    CREATE TABLE IF NOT EXISTS report (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        encoding TEXT,
        title TEXT,
        agency TEXT,
        body TEXT,
        province TEXT,
        city TEXT,
        county TEXT,
        township TEXT,
        level TEXT NOT NULL CHECK (level = 'township' OR level = 'street' OR level = 'county' OR level = 'city' OR level = 'department' OR level = 'other'),
        year INTEGER,
        template TEXT CHECK (template = '2019' OR template = '2021'),
        active_total NUMERIC,
        values_hash TEXT,
        province_source TEXT,
        city_source TEXT,
        county_source TEXT,
        township_source TEXT,
        city_place TEXT,
        county_place TEXT,
        township_place TEXT
    );
    CREATE INDEX IF NOT EXISTS report_values ON report(values_hash);
    CREATE INDEX IF NOT EXISTS report_year ON report(year);
    CREATE INDEX IF NOT EXISTS report_township ON report(township);
    CREATE INDEX IF NOT EXISTS report_county ON report(county);
    CREATE INDEX IF NOT EXISTS report_body_year ON report(body, year);
    CREATE TABLE IF NOT EXISTS narrative (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        section INTEGER NOT NULL CHECK (section BETWEEN 1 AND 6),
        heading TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS narrative_report ON narrative(report_id);
    CREATE TABLE IF NOT EXISTS active_channel (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        account TEXT,
        items NUMERIC NOT NULL,
        approximate INTEGER NOT NULL DEFAULT 0,
        evidence TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS active_channel_report ON active_channel(report_id);
    CREATE TABLE IF NOT EXISTS narrative_number (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        value NUMERIC NOT NULL,
        approximate INTEGER NOT NULL DEFAULT 0,
        evidence TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS narrative_number_report ON narrative_number(report_id, kind);
    CREATE TABLE IF NOT EXISTS article20 (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        content TEXT NOT NULL,
        measure TEXT NOT NULL,
        value NUMERIC,
        raw TEXT
    );
    CREATE INDEX IF NOT EXISTS article20_report ON article20(report_id, measure);
    \(RequestRows.table)
    \(RequestRows.view)
    \(ReportTotals.table)
    CREATE TABLE IF NOT EXISTS review_litigation (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind = '行政复议' OR kind = '未经复议直接起诉' OR kind = '复议后起诉'),
        result TEXT NOT NULL,
        count NUMERIC,
        raw TEXT
    );
    CREATE INDEX IF NOT EXISTS review_litigation_report ON review_litigation(report_id);
    CREATE TABLE IF NOT EXISTS finding (
        report_id INTEGER REFERENCES report(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity = 'error' OR severity = 'warning'),
        message TEXT NOT NULL,
        expected TEXT,
        actual TEXT,
        location TEXT
    );
    CREATE INDEX IF NOT EXISTS finding_report ON finding(report_id);
    \(version3)
    \(version4)
    """

    /// What schema version 4 added: the text reuse of each report against its body's report of the year
    /// before (`ReuseTable`), per section 一/五/六 and 全文. (It also added a covering index of the long
    /// `request` table's 总计 column; version 5 stores section 三 a table row per row, `RequestRows`.)
    static let version4 = """
    CREATE TABLE IF NOT EXISTS text_reuse (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        previous_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        characters INTEGER NOT NULL,
        repeated INTEGER NOT NULL,
        rate REAL
    );
    CREATE INDEX IF NOT EXISTS text_reuse_report ON text_reuse(report_id, section);
    """


    /// What schema version 3 added (a version-2 file is brought up to it): where each place came from, the
    /// places as grouped (a bare name made unique with its parent), the files of a body and year left out
    /// for another with other numbers, and a marker that the audit's findings are older than the data.
    static let version3 = """
    CREATE INDEX IF NOT EXISTS report_city ON report(city);
    CREATE TABLE IF NOT EXISTS duplicate_report (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        kept_because TEXT NOT NULL,
        differences TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS duplicate_report_report ON duplicate_report(report_id);
    CREATE TABLE IF NOT EXISTS gongkai_state (key TEXT PRIMARY KEY, value TEXT);
    """

    /// What a file at a path turned out to be.
    public enum Kind: Equatable {
        case empty
        case gongkai(version: Int64)
        case foreign(String)
        /// A hot journal: a load was interrupted (kill -9, a crash, a full disk) before it committed.
        /// Opening read-write lets SQLite roll it back, to the database as it was before that load.
        case interrupted
        /// Another process holds a lock on it (a load in progress).
        case locked
    }

    /// Tells whether an open database is empty, one of ours, or something else. Reads only.
    public static func kind(of database: Database) -> Kind {
        do {
            let id = try database.scalar("PRAGMA application_id")?.double.map(Int64.init) ?? 0
            let version = try database.scalar("PRAGMA user_version")?.double.map(Int64.init) ?? 0
            let tables = try database.scalar("SELECT count(*) FROM sqlite_schema")?.double ?? 0
            if id == applicationID { return .gongkai(version: version) }
            if id == 0, tables == 0 { return .empty }
            return .foreign(id == 0 ? "a SQLite database of another program (\(Int(tables)) schema objects, no gongkai id)"
                                    : "a SQLite database of another program (application_id \(id))")
        } catch {
            // SQLITE_READONLY_ROLLBACK: a read-only connection met a hot journal it may not roll back.
            if error.code == 776 { return .interrupted }
            if error.primaryCode == 5 || error.primaryCode == 6 { return .locked }
            return .foreign(error.primaryCode == 26 ? "not a SQLite database" : error.message)
        }
    }

    /// Creates the tables in an empty database, or checks that an existing one is ours and current.
    public static func prepare(_ database: Database) throws(StoreError) {
        switch kind(of: database) {
        case .empty:
            do {
                try database.execute(sql)
                try database.execute("PRAGMA application_id = \(applicationID)")
                try database.execute("PRAGMA user_version = \(version)")
            } catch {
                throw StoreError(message: "cannot create the schema: \(error.message)")
            }
        case .gongkai(let found) where found == version:
            do {
                try database.execute("PRAGMA foreign_keys = ON")
            } catch { throw StoreError(message: error.message) }
        case .gongkai(let found) where found >= 1 && found < version:
            // Each version's additions, from the file's on: version 2 added report.values_hash (the same
            // report in another form; older rows keep NULL), version 3 the place sources and labels,
            // duplicate_report and gongkai_state, version 4 text_reuse, version 5 section 三 a table row
            // per row (the long rows gathered into `request_row`, `request` a view of them) and the
            // per-report totals (`report_total`).
            let columns = ["province_source", "city_source", "county_source", "township_source", "city_place", "county_place", "township_place"]
            do {
                try database.transaction {
                    if found < 3 {
                        let existing = Set(try database.query("SELECT name FROM pragma_table_info('report')").rows.compactMap { $0.first?.string })
                        for column in ["values_hash"] + columns where !existing.contains(column) {
                            try database.execute("ALTER TABLE report ADD COLUMN \(column) TEXT")
                        }
                        try database.execute("CREATE INDEX IF NOT EXISTS report_values ON report(values_hash)")
                        try database.execute(version3)
                        try PlaceLabels.refresh(database)
                    }
                    try database.execute(version4)
                    try RequestRows.migrateLongTable(database)
                    try ReportTotals.rebuild(database)
                    // The index of findings by rule: no statement of gongkai's read through it, and every
                    // audit paid for it, inserting and deleting its findings (482,000 at 100,000 reports).
                    try database.execute("DROP INDEX IF EXISTS finding_rule")
                    try ReuseTable.markStale(database)
                    try database.execute("PRAGMA user_version = \(version)")
                }
                try database.execute("PRAGMA foreign_keys = ON")
            } catch {
                throw StoreError(message: "cannot bring \(database.path) from schema version \(found) to \(version): \(error)")
            }
        case .gongkai(let found):
            throw StoreError(message: "\(database.path) is a gongkai database of schema version \(found); this gongkai reads version \(version)")
        case .foreign(let what):
            throw StoreError(message: "\(database.path) is \(what); refusing to touch it")
        case .interrupted:
            throw StoreError(message: "\(database.path) has an interrupted load to roll back; open it read-write")
        case .locked:
            throw StoreError(message: "\(database.path) is locked by another process (a load in progress?); try again when it has finished")
        }
    }
}

/// A failure of the store that is not one SQLite statement's (a foreign database, a load that failed).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
