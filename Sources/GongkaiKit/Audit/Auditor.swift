/// Runs audit rules over a selection of reports: the selection goes into `temp.audit_scope`, the
/// rules' earlier findings for it are cleared, each rule's INSERT runs, and the findings are read back
/// with the report they belong to. One transaction.
public struct Auditor {
    public struct Summary: Sendable, Equatable {
        public var reports: Int
        public var errors: Int
        public var warnings: Int
        public var clean: Int

        public var line: String {
            "checked \(reports) report(s): \(errors) error(s), \(warnings) warning(s); \(clean) report(s) with no finding"
        }

        /// The line of a `检查`.
        public var chineseLine: String {
            "检查了 \(reports) 份报告：\(errors) 个错误，\(warnings) 个警告；\(clean) 份报告没有问题"
        }
    }

    public let database: Database
    public init(database: Database) { self.database = database }

    /// The findings' columns, as printed by `check` and `gongkai check`.
    public static let columns = """
        r.agency AS agency, r.year AS year, f.rule AS rule, f.severity AS severity, f.location AS location,
        f.expected AS expected, f.actual AS actual, f.message AS message, r.file AS file
        """

    /// The columns of a `检查`: Chinese headers, the rule's title, the severity as 错误/警告 (the rules'
    /// titles and the severities are the catalogue's constants).
    public static var chineseColumns: String {
        let titles = AuditRules.all.map { "WHEN '\($0.id)' THEN '\($0.title)'" }.joined(separator: " ")
        return """
            r.agency AS 机关, r.year AS 年份, CASE f.rule \(titles) ELSE f.rule END AS 规则,
            CASE f.severity WHEN 'error' THEN '错误' WHEN 'warning' THEN '警告' ELSE f.severity END AS 级别, f.location AS 位置,
            f.expected AS 应为, f.actual AS 实为, f.message AS 说明, r.file AS 文件
            """
    }

    public func run(rules: [AuditRule], scope: CompiledQuery? = nil, severity: AuditRule.Severity? = nil, chinese: Bool = false) throws -> (ResultSet, Summary) {
        // The text_reuse rule reads the table of measured pairs: bring it up to date first.
        if rules.contains(where: { $0.id == AuditRules.textReuse.id }) { try ReuseTable.ensureCurrent(database) }
        let ruleIDs = rules.map { DatabaseValue.text($0.id) }
        let placeholders = rules.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
        try database.transaction {
            try database.execute("CREATE TEMP TABLE IF NOT EXISTS audit_scope (id INTEGER PRIMARY KEY)")
            try database.execute("DELETE FROM temp.audit_scope")
            let selection = scope ?? CompiledQuery(sql: "SELECT id FROM report", values: [])
            try database.execute("INSERT INTO temp.audit_scope " + selection.sql, selection.values)
            let scopeSize = try database.scalar("SELECT count(*) FROM temp.audit_scope")?.double ?? 0
            try AuditHelper.run(rules, on: database, selection: selection, scopeSize: Int(scopeSize)) {
                try database.execute("DELETE FROM finding WHERE report_id IN (SELECT id FROM temp.audit_scope) AND rule IN (\(placeholders))", ruleIDs)
            }
        }
        var values = ruleIDs
        var severityTest = ""
        if let severity {
            values.append(.text(severity.rawValue))
            severityTest = " AND f.severity = ?\(values.count)"
        }
        var findings = try database.query("""
            SELECT \(chinese ? Self.chineseColumns : Self.columns) FROM finding f JOIN report r ON r.id = f.report_id
            WHERE f.report_id IN (SELECT id FROM temp.audit_scope) AND f.rule IN (\(placeholders))\(severityTest)
            ORDER BY f.severity, r.county, r.township, r.agency, r.year, f.rule, f.rowid
            """, values)
        if chinese {
            for index in findings.rows.indices {
                if let message = findings.rows[index][7].string { findings.rows[index][7] = .text(FindingsInChinese.message(message)) }
                if let expected = findings.rows[index][5].string, let chinese = FindingsInChinese.expected[expected] { findings.rows[index][5] = .text(chinese) }
            }
        }
        // The summary counts what was asked for: with a severity, only findings of that severity (a
        // `--severity warning` run must not count, or exit on, the errors it does not show).
        let severityOnly = severity.map { " AND f.severity = '\($0.rawValue)'" } ?? ""
        let counts = try database.query("""
            SELECT (SELECT count(*) FROM temp.audit_scope),
                   count(*) FILTER (WHERE f.severity = 'error'), count(*) FILTER (WHERE f.severity = 'warning'),
                   (SELECT count(*) FROM temp.audit_scope s WHERE NOT EXISTS
                      (SELECT 1 FROM finding f WHERE f.report_id = s.id AND f.rule IN (\(placeholders))\(severityOnly)))
            FROM finding f WHERE f.report_id IN (SELECT id FROM temp.audit_scope) AND f.rule IN (\(placeholders))\(severityOnly)
            """, ruleIDs).rows.first ?? []
        func int(_ index: Int) -> Int { index < counts.count ? Int(counts[index].double ?? 0) : 0 }
        return (findings, Summary(reports: int(0), errors: int(1), warnings: int(2), clean: int(3)))
    }
}
