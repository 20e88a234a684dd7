/// The consistency rules of docs/audit-rules.md (domain/annual-report.md's list), in order.
public enum AuditRules {
    static let n = AuditSQL.number

    public static let all: [AuditRule] = [requestBalance, rowTotals, outcomeTotals, reviewTotals, proseRequests, channelSum,
                                          carryOver, documentsInForce, projectCounts, cells, fees, outliers, duplicateReport,
                                          templateOutdated, textReuse]

    public static func rule(_ id: String) -> AuditRule? {
        all.first { $0.id == id.lowercased() || $0.title == id }
    }

    static let requestBalance = AuditRule(
        id: "request_balance", title: "申请数勾稽", severity: .error,
        summary: "per applicant column: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度",
        sql: AuditSQL.insert + """
        SELECT report_id, 'request_balance', 'error',
          '本年新收 ' || \(n("received")) || ' + 上年结转 ' || \(n("carried")) || ' ≠ 办理结果总计 ' || \(n("handled")) || ' + 结转下年度 ' || \(n("forward")),
          \(n("handled + forward")), \(n("received + carried")), '三 / ' || applicant
        FROM (SELECT a.report_id, c.applicant, \(RequestRows.cell("a", column: "c.k")) AS received, \(RequestRows.cell("b", column: "c.k")) AS carried,
                \(RequestRows.cell("h", column: "c.k")) AS handled, \(RequestRows.cell("w", column: "c.k")) AS forward
              FROM request_row a
              JOIN request_row b ON b.report_id = a.report_id AND b.stage = '上年结转'
              JOIN request_row h ON h.report_id = a.report_id AND h.stage = '办理结果' AND h.outcome = '总计'
              JOIN request_row w ON w.report_id = a.report_id AND w.stage = '结转下年度'
              CROSS JOIN \(RequestRows.applicantRows) c
              WHERE a.stage = '本年新收' AND a.report_id \(AuditSQL.scope))
        WHERE received IS NOT NULL AND carried IS NOT NULL AND handled IS NOT NULL AND forward IS NOT NULL
          AND received + carried <> handled + forward
        ORDER BY report_id, applicant
        """)

    /// The six applicant columns of a table row (总计 is the last column).
    static let partColumns = RequestRows.columns.dropLast()

    static let rowTotals = AuditRule(
        id: "row_total", title: "申请行合计", severity: .error,
        summary: "every row of section 三: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
        sql: AuditSQL.insert + """
        SELECT report_id, 'row_total', 'error',
          '总计 ' || \(n("total")) || ' ≠ ' || \(partColumns.map { "'\($0.applicant) ' || \(n($0.column))" }.joined(separator: " || ' + ' || ")) || ' = ' || \(n("parts")),
          \(n("parts")), \(n("total")), '三 / ' || coalesce(reason, outcome, stage) || ' / 总计'
        FROM (SELECT *, \(partColumns.map(\.column).joined(separator: " + ")) AS parts FROM request_row
              WHERE report_id \(AuditSQL.scope) AND total IS NOT NULL AND \(partColumns.map { "\($0.column) IS NOT NULL" }.joined(separator: " AND ")))
        WHERE total <> parts
        ORDER BY report_id, stage, outcome, reason
        """)

    /// The reports in scope where some applicant column of the 办理结果 rows does not add up as far as its
    /// numbers go: （七）总计 minus the outcome rows is not 0 (a column that fails the rule is one of these).
    /// One pass over the table with seven sums; `outcomeSums` then looks at these reports only.
    static let unbalancedOutcomes: String = {
        let columns = RequestRows.columns.enumerated().map { k, column in
            "sum(CASE WHEN outcome = '总计' THEN -\(column.column) ELSE \(column.column) END) AS d\(k)"
        }
        return """
            SELECT report_id FROM (SELECT report_id, \(columns.joined(separator: ", ")) FROM request_row WHERE stage = '办理结果' AND report_id \(AuditSQL.scope) GROUP BY report_id)
            WHERE \(RequestRows.columns.indices.map { "d\($0) <> 0" }.joined(separator: " OR "))
            """
    }()

    /// Per report and applicant column over the 办理结果 rows: the （七）总计 cell, the sum of the outcome
    /// rows' cells, how many of those are numbers and how many there are — aggregated per report in one
    /// pass (`GROUP BY report_id` reads the rows in report order), then unfolded by column.
    static let outcomeSums: String = {
        let perColumn = RequestRows.columns.enumerated().map { k, column in
            let c = column.column
            return """
                sum(\(c)) FILTER (WHERE outcome = '总计') AS total\(k), sum(\(c)) FILTER (WHERE outcome <> '总计') AS parts\(k),
                count(\(c)) FILTER (WHERE outcome <> '总计') AS known\(k), count(*) FILTER (WHERE outcome <> '总计' AND cells & \(RequestRows.bit(k))) AS rows\(k)
                """
        }
        func unfold(_ name: String) -> String {
            "CASE c.k " + RequestRows.columns.indices.map { "WHEN \($0) THEN t.\(name)\($0)" }.joined(separator: " ") + " END AS \(name)"
        }
        return """
            SELECT t.report_id, c.applicant, \(["total", "parts", "known", "rows"].map(unfold).joined(separator: ", "))
            FROM (SELECT report_id, \(perColumn.joined(separator: ", ")) FROM request_row WHERE stage = '办理结果' AND report_id IN (\(unbalancedOutcomes)) GROUP BY report_id) t
            CROSS JOIN \(RequestRows.applicantRows) c
            """
    }()

    static let outcomeTotals = AuditRule(
        id: "outcome_total", title: "办理结果合计", severity: .error,
        summary: "per applicant column: （七）总计 = the sum of every outcome row (予以公开 … 其他处理)",
        sql: AuditSQL.insert + """
        SELECT report_id, 'outcome_total', 'error',
          '（七）总计 ' || \(n("total")) || ' ≠ the sum of the ' || rows || ' outcome rows = ' || \(n("parts")),
          \(n("parts")), \(n("total")), '三 / （七）总计 / ' || applicant
        FROM (\(outcomeSums))
        WHERE total IS NOT NULL AND known = rows AND rows > 0 AND total <> parts
        ORDER BY report_id, applicant
        """)

    static let reviewTotals = AuditRule(
        id: "review_total", title: "复议诉讼合计", severity: .error,
        summary: "section 四, each block: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        sql: AuditSQL.insert + """
        SELECT report_id, 'review_total', 'error',
          '总计 ' || \(n("total")) || ' ≠ ' || parts_text || ' = ' || \(n("parts")),
          \(n("parts")), \(n("total")), '四 / ' || kind || ' / 总计'
        FROM (SELECT report_id, kind,
                sum(count) FILTER (WHERE result = '总计') AS total,
                sum(count) FILTER (WHERE result <> '总计') AS parts,
                count(count) FILTER (WHERE result <> '总计') AS known,
                group_concat(CASE WHEN result <> '总计' THEN result || ' ' || \(n("count")) END, ' + ') AS parts_text
              FROM (SELECT * FROM review_litigation WHERE report_id IN (\(unbalancedReviews)) ORDER BY rowid) GROUP BY report_id, kind)
        WHERE total IS NOT NULL AND known = 4 AND total <> parts
        """)

    /// The reports in scope where some block of section 四 does not add up as far as its numbers go: its
    /// 总计 minus its other rows is not 0 (a block that fails the rule is one of these). One pass over the
    /// table; the rule's text is then made for these reports only.
    static let unbalancedReviews: String = {
        let blocks = TemplateCatalog.reviewKinds.enumerated().map { index, kind in
            "sum(CASE WHEN result = '总计' THEN -count ELSE count END) FILTER (WHERE kind = '\(kind)') AS d\(index)"
        }
        return """
            SELECT report_id FROM (SELECT report_id, \(blocks.joined(separator: ", ")) FROM review_litigation WHERE report_id \(AuditSQL.scope) GROUP BY report_id)
            WHERE \(TemplateCatalog.reviewKinds.indices.map { "d\($0) <> 0" }.joined(separator: " OR "))
            """
    }()

    static let proseRequests = AuditRule(
        id: "prose_requests", title: "叙述与表格申请数", severity: .error,
        summary: "requests received as section 一's prose states them = section 三's 本年新收 总计",
        sql: AuditSQL.insert + """
        SELECT n.report_id, 'prose_requests', 'error',
          'the prose says ' || \(n("n.value")) || ' request(s) received (“' || n.evidence || '”), the table''s 本年新收 总计 says ' || \(n("q.count")),
          \(n("n.value")), \(n("q.count")), '一 / 依申请公开 vs 三 / 本年新收 / 总计'
        FROM narrative_number n JOIN (SELECT report_id, total AS count FROM request_row WHERE stage = '本年新收') q ON q.report_id = n.report_id
        WHERE n.kind = 'requests_received' AND n.approximate = 0 AND q.count IS NOT NULL AND n.value <> q.count
          AND n.report_id \(AuditSQL.scope)
        """)

    static let channelSum = AuditRule(
        id: "channel_sum", title: "渠道合计", severity: .warning,
        summary: "the channel counts of section 一 add up to the stated 主动公开 total (channels may overlap: a warning)",
        sql: AuditSQL.insert + """
        SELECT r.id, 'channel_sum', 'warning',
          'stated total ' || \(n("r.active_total")) || ' ≠ channels ' || c.parts_text || ' = ' || \(n("c.parts")),
          \(n("c.parts")), \(n("r.active_total")), '一 / 主动公开'
        FROM report r JOIN (SELECT report_id, sum(items) AS parts,
                              group_concat(channel || coalesce('“' || account || '”', '') || ' ' || \(n("items")), ' + ') AS parts_text
                            FROM active_channel WHERE approximate = 0 GROUP BY report_id) c ON c.report_id = r.id
        WHERE r.active_total IS NOT NULL AND r.active_total <> c.parts AND r.id \(AuditSQL.scope)
        """)

    static let carryOver = AuditRule(
        id: "carry_over", title: "跨年结转", severity: .error,
        summary: "same body, consecutive years: this year's 上年结转 = last year's 结转下年度, per applicant column",
        sql: AuditSQL.insert + """
        SELECT id, 'carry_over', 'error',
          '上年结转 ' || \(n("now")) || ' ≠ ' || year || '年报告 (' || file || ') 结转下年度 ' || \(n("before")),
          \(n("before")), \(n("now")), '三 / 上年结转 / ' || applicant
        FROM (SELECT r.id, p.id AS previous, p.year, p.file, c.k, c.applicant,
                \(RequestRows.cell("this", column: "c.k")) AS now, \(RequestRows.cell("last", column: "c.k")) AS before
              FROM report r \(AuditSQL.previousYear)
              JOIN request_row this ON this.report_id = r.id AND this.stage = '上年结转'
              JOIN request_row last ON last.report_id = p.id AND last.stage = '结转下年度'
              CROSS JOIN \(RequestRows.applicantRows) c
              WHERE r.id \(AuditSQL.scope))
        WHERE now IS NOT NULL AND before IS NOT NULL AND now <> before
        ORDER BY id, previous, k
        """)

    static let documentsInForce = AuditRule(
        id: "documents_in_force", title: "现行有效件数", severity: .warning,
        summary: "2021 template, consecutive years: 现行有效件数 = last year's + 本年制发件数 − 本年废止件数 (documents also expire: a warning)",
        sql: AuditSQL.insert + """
        SELECT r.id, 'documents_in_force', 'warning',
          '现行有效件数 ' || \(n("now.value")) || ' ≠ last year''s ' || \(n("before.value")) || ' + 制发 ' || \(n("made.value")) || ' − 废止 ' || \(n("gone.value")),
          \(n("before.value + made.value - gone.value")), \(n("now.value")), '二 / 第二十条第（一）项 / ' || now.content || ' / 现行有效件数'
        FROM report r \(AuditSQL.previousYear)
        JOIN article20 now ON now.report_id = r.id AND now.measure = '现行有效件数'
        JOIN article20 made ON made.report_id = r.id AND made.content = now.content AND made.measure = '本年制发件数'
        JOIN article20 gone ON gone.report_id = r.id AND gone.content = now.content AND gone.measure = '本年废止件数'
        JOIN article20 before ON before.report_id = p.id AND before.measure = '现行有效件数'
             AND (before.content = now.content OR (before.content LIKE '%规范性文件' AND now.content LIKE '%规范性文件'))
        WHERE r.template = '2021' AND p.template = '2021' AND r.id \(AuditSQL.scope)
          AND now.value IS NOT NULL AND made.value IS NOT NULL AND gone.value IS NOT NULL AND before.value IS NOT NULL
          AND now.value <> before.value + made.value - gone.value
        """)

    static let projectCounts = AuditRule(
        id: "project_count", title: "项目数量", severity: .warning,
        summary: "2019 template, consecutive years: 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减 (a warning)",
        sql: AuditSQL.insert + """
        SELECT r.id, 'project_count', 'warning',
          '上一年项目数量 ' || \(n("now.value")) || ' ≠ last year''s ' || \(n("before.value")) || ' + 本年增/减 ' || \(n("change.value")),
          \(n("before.value + change.value")), \(n("now.value")), '二 / ' || now.item || ' / ' || now.content || ' / 上一年项目数量'
        FROM report r \(AuditSQL.previousYear)
        JOIN article20 now ON now.report_id = r.id AND now.measure = '上一年项目数量'
        JOIN article20 before ON before.report_id = p.id AND before.content = now.content AND before.measure = '上一年项目数量'
        JOIN article20 change ON change.report_id = p.id AND change.content = now.content AND change.measure = '本年增/减'
        WHERE r.template = '2019' AND p.template = '2019' AND r.id \(AuditSQL.scope)
          AND now.value IS NOT NULL AND before.value IS NOT NULL AND change.value IS NOT NULL
          AND now.value <> before.value + change.value
        """)

    /// The cells the `cells` rule looks at: every cell of 二/三/四 that is not a whole number ≥ 0, with its
    /// place (by section, then as stored) and location. Of section 三 only the cells its table rows mark
    /// `odd` (set at load by the same test, `RequestRows.isWholeCount`) are unfolded: most rows hold none.
    static let cellsOfNote: String = {
        func odd(_ value: String) -> String { "\(value) IS NULL OR \(value) < 0 OR \(value) <> CAST(\(value) AS INTEGER)" }
        return """
            SELECT report_id, a.rowid AS position, value, raw, measure, '二 / ' || item || ' / ' || content AS location, measure AS col
              FROM article20 a \(AuditSQL.scanned("a")) WHERE \(odd("value"))
            UNION ALL
            SELECT q.report_id, 1e11 + q.rowid * 8 + c.k, \(RequestRows.cell("q", column: "c.k")), \(RequestRows.cell("q", column: "c.k", raw: true)), '',
                   '三 / ' || coalesce(q.reason, q.outcome, q.stage), c.applicant
              FROM request_row q \(AuditSQL.scanned("q")) CROSS JOIN \(RequestRows.applicantRows) c
              WHERE q.odd <> 0 AND q.odd & (1 << c.k)
            UNION ALL
            SELECT report_id, 2e11 + v.rowid, count, raw, '', '四 / ' || kind, result FROM review_litigation v \(AuditSQL.scanned("v"))
              WHERE \(odd("count"))
            """
    }()

    static let cells = AuditRule(
        id: "cells", title: "单元格", severity: .error,
        summary: "every table cell a whole number ≥ 0 (本年增/减 may be negative, amounts fractional): empty or text cells are errors, one finding per report and cause (`135 cells: empty, not 0 …` names the first three); cells and tables not found are warnings",
        sql: AuditSQL.insert + """
        WITH noted AS MATERIALIZED (\(cellsOfNote))
        SELECT report_id, 'cells', severity, message, expected, actual, location FROM (
          SELECT report_id, 'error' AS severity,
            CASE WHEN count(*) = 1 THEN min(message)
                 ELSE count(*) || ' cells: ' || min(plural) || ' — ' || group_concat(location, '；') FILTER (WHERE position <= 3)
                      || CASE WHEN count(*) > 3 THEN '；…' ELSE '' END END AS message,
            'a whole number ≥ 0' AS expected,
            CASE WHEN count(*) = 1 THEN min(actual) ELSE count(*) || ' cells' END AS actual,
            CASE WHEN count(*) = 1 THEN min(location) ELSE min(location) FILTER (WHERE position = 1) || ' …' END AS location
          FROM (SELECT report_id, kind, message, plural, actual, location,
                       row_number() OVER (PARTITION BY report_id, kind ORDER BY position) AS position
                FROM (SELECT report_id, position,
                        CASE WHEN value IS NULL AND raw = '' THEN 'empty' WHEN value IS NULL THEN 'text' WHEN value < 0 THEN 'negative' ELSE 'fraction' END AS kind,
                        CASE WHEN value IS NULL AND raw = '' THEN 'the cell is empty'
                             WHEN value IS NULL THEN 'the cell holds “' || raw || '”, not a number'
                             WHEN value < 0 THEN 'a negative count'
                             ELSE 'a fractional count' END AS message,
                        CASE WHEN value IS NULL AND raw = '' THEN 'empty, not 0 (zeros left blank?)'
                             WHEN value IS NULL THEN 'text, not numbers'
                             WHEN value < 0 THEN 'negative counts'
                             ELSE 'fractional counts' END AS plural,
                        coalesce(\(n("value")), raw) AS actual, location || ' / ' || col AS location
                      FROM noted
                      WHERE (value IS NULL AND raw IS NOT NULL) OR (value < 0 AND measure <> '本年增/减') OR (value <> CAST(value AS INTEGER) AND measure NOT LIKE '%金额%')))
          GROUP BY report_id, kind
          UNION ALL
          SELECT report_id, 'warning', count(*) || ' cell(s) of the row not found: ' || group_concat(col, '、'), 'a number in each', '(missing)', location
          FROM (SELECT * FROM noted WHERE value IS NULL AND raw IS NULL ORDER BY report_id, position)
          GROUP BY report_id, location
          UNION ALL
          SELECT r.report_id, 'warning', 'section ' || t.section || ' table not found', 'the table', '(missing)', t.section
          FROM report_total r \(AuditSQL.scanned("r"))
          JOIN (SELECT '二' AS section UNION ALL SELECT '三' UNION ALL SELECT '四') t
            ON (t.section = '二' AND r.has_article20 = 0) OR (t.section = '三' AND r.has_request = 0) OR (t.section = '四' AND r.has_review = 0))
        """)

    static let fees = AuditRule(
        id: "fees", title: "收费一致", severity: .warning,
        summary: "第二十条第（八）项 fees recorded while section 六 says no 信息处理费 was collected, or the opposite (only where both are stated)",
        sql: AuditSQL.insert + """
        SELECT r.id, 'fees', 'warning',
          CASE WHEN a.value > 0 THEN '本年收费金额 ' || \(n("a.value")) || ' 万元 recorded, but section 六 says no 信息处理费 was collected (“' || f.evidence || '”)'
               ELSE '本年收费金额 is 0, but section 六 says ' || \(n("f.value")) || ' 元 of 信息处理费 was collected (“' || f.evidence || '”)' END,
          CASE WHEN a.value > 0 THEN '0' ELSE '> 0' END, \(n("a.value")), '二 / 第二十条第（八）项 vs 六 / 信息处理费'
        FROM report r
        JOIN article20 a ON a.report_id = r.id AND a.measure = '本年收费金额（单位：万元）'
        JOIN narrative_number f ON f.report_id = r.id AND f.kind = 'fees_collected'
        WHERE r.id \(AuditSQL.scope) AND a.value IS NOT NULL AND ((a.value > 0 AND f.value = 0) OR (a.value = 0 AND f.value > 0))
        """)

    static let outliers = AuditRule(
        id: "outlier", title: "异常波动", severity: .warning,
        summary: "against the body's own previous year: 主动公开 total or requests received changing more than tenfold, or 0 after more than 100",
        sql: AuditSQL.insert + """
        SELECT id, 'outlier', 'warning',
          metric || ' went from ' || \(n("before")) || ' (' || (year - 1) || ') to ' || \(n("now")) || ' (' || year || ')',
          'within ×10 of ' || \(n("before")), \(n("now")), location
        FROM (SELECT r.id, r.year, '主动公开' AS metric, p.active_total AS before, r.active_total AS now, '一 / 主动公开' AS location
              FROM report r \(AuditSQL.previousYear) WHERE r.id \(AuditSQL.scope)
              UNION ALL
              SELECT r.id, r.year, '本年新收申请', pq.count, rq.count, '三 / 本年新收 / 总计'
              FROM report r \(AuditSQL.previousYear)
              JOIN (SELECT report_id, total AS count FROM request_row WHERE stage = '本年新收') rq ON rq.report_id = r.id
              JOIN (SELECT report_id, total AS count FROM request_row WHERE stage = '本年新收') pq ON pq.report_id = p.id
              WHERE r.id \(AuditSQL.scope))
        WHERE before IS NOT NULL AND now IS NOT NULL
          AND ((before > 0 AND now > 0 AND (now > 10 * before OR before > 10 * now)) OR (before > 100 AND now = 0))
        """)

    /// The 2021 template (国办公开办函〔2021〕30号) applies from the reports on 2021 on; a later report on the
    /// 2019 template is out of date (its section 二 measures other things).
    static let templateOutdated = AuditRule(
        id: "template_outdated", title: "过期格式", severity: .warning,
        summary: "a report on data year 2021 or later still on the 2019 template (the 2021 template, 国办公开办函〔2021〕30号, applies from the 2021 annual reports on)",
        sql: AuditSQL.insert + """
        SELECT id, 'template_outdated', 'warning',
          'data year ' || year || ' on the 2019 template; the 2021 template (国办公开办函〔2021〕30号) applies from the 2021 annual reports on',
          '2021', '2019', '二 / 表头'
        FROM report WHERE year >= 2021 AND template = '2019' AND id \(AuditSQL.scope)
        """)

    /// A report whose sections 一/五/六 mostly repeat the same body's report of the year before (照抄照搬).
    static let textReuse = AuditRule(
        id: "text_reuse", title: "正文雷同", severity: .warning,
        summary: "sections 一/五/六 repeat the body's report of the year before for \(Int(TextReuse.auditThreshold * 100))% or more of their text (passages of \(TextReuse.passageLength)+ characters, numbers masked; docs/query-language.md, compare)",
        sql: AuditSQL.insert + """
        SELECT t.report_id, 'text_reuse', 'warning',
          printf('%.1f%%', 100.0 * t.rate) || ' of sections 一/五/六 (' || t.characters || ' characters) repeats the ' || p.year || ' report (' || p.file || ')',
          '< \(Int(TextReuse.auditThreshold * 100))%', printf('%.1f%%', 100.0 * t.rate), '一/五/六 vs ' || p.year
        FROM text_reuse t JOIN report p ON p.id = t.previous_id
        WHERE t.section = '\(TextReuse.whole)' AND t.rate >= \(TextReuse.auditThreshold) AND t.report_id \(AuditSQL.scope)
        """)

    /// Every body and year that came from more than one file with different numbers: the file left out
    /// at load (`duplicate_report`), or both files kept (`--keep-duplicates`, or a shared name that no
    /// file placed) — which sums then count twice.
    static let duplicateReport = AuditRule(
        id: "duplicate_report", title: "同年重复报告", severity: .warning,
        summary: "one body and year from two files with different numbers: the one left out at load, or both loaded (sums count both)",
        sql: AuditSQL.insert + """
        SELECT d.report_id, 'duplicate_report', 'warning',
          'another file of this body and year, with other numbers, was left out: ' || d.file
            || CASE WHEN d.differences <> '' THEN ' (' || d.differences || ')' ELSE '' END || '; this one was kept: ' || d.kept_because,
          NULL, NULL, d.file
        FROM duplicate_report d WHERE d.report_id \(AuditSQL.scope)
        UNION ALL
        SELECT b.id, 'duplicate_report', 'warning',
          'the same body and year loaded twice with different numbers: ' || a.file || ' and ' || b.file || '; sums count both',
          NULL, NULL, a.file
        FROM report a JOIN report b ON a.body = b.body AND a.year = b.year AND +a.county IS b.county AND +a.city IS b.city
          AND a.id < b.id AND a.values_hash IS NOT b.values_hash
        WHERE b.id \(AuditSQL.scope)
        """)
}
