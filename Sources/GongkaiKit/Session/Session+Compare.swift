/// `compare` / `对比`: two reports side by side — their cells and prose figures with the change, how much
/// of the second's sections 一/五/六 repeats the first's (`TextReuse`), and the audit findings of each.
extension Session {
    struct ChosenReport {
        var id: Int64
        var agency: String
        var year: Int
        var file: String
    }

    func compare(_ node: CompareNode) throws -> Output {
        let scope = try node.filter.map { condition throws -> (sql: String, values: [DatabaseValue]) in
            let resolved = try Resolver().filter(condition)
            var builder = SQLBuilder()
            builder.values = [.null, .null, .null]  // ?1–?3 are the name, its body key and the year
            let sql = SQLCompiler().condition(resolved, builder: &builder)
            return (sql, Array(builder.values.dropFirst(3)))
        }
        let whereYear = Self.year(in: node.filter)
        var left = node.left, right = node.right
        if left.name == nil { left.name = right.name }
        if right.name == nil { right.name = left.name }
        if left.year == nil { left.year = whereYear ?? right.year }
        if right.year == nil { right.year = whereYear ?? left.year }
        let a = try choose(left, scope: scope)
        let b = try choose(right, scope: scope)
        if a.id == b.id {
            throw QueryError("both sides are the same report (\(a.agency) \(a.year))", at: node.range,
                             hints: ["compare a body's two years: compare 羊亭镇 2021 with 2022"])
        }
        let zh = node.chinese
        let sameBody = left.name == right.name
        let leftLabel = sameBody ? String(a.year) : a.agency
        let rightLabel = sameBody ? String(b.year) : b.agency
        let cells = try compareCells(a.id, b.id, all: node.all, labels: (leftLabel, rightLabel), chinese: zh)
        let reuse = try reuseRows(newer: b.id, older: a.id, chinese: zh)
        // The findings of the two reports: audited now when a load made the findings stale (only these
        // two — on 100,000 reports the whole audit takes a minute).
        if AuditState.isStale(database) {
            let scope = CompiledQuery(sql: "SELECT id FROM report WHERE id IN (?1, ?2)", values: [.integer(a.id), .integer(b.id)])
            _ = try Auditor(database: database).run(rules: AuditRules.all, scope: scope)
        }
        var findings = try database.query("""
            SELECT CASE f.report_id WHEN ?1 THEN ?3 ELSE ?4 END AS \(zh ? "报告" : "report"), f.rule AS \(zh ? "规则" : "rule"),
                   f.severity AS \(zh ? "级别" : "severity"), f.location AS \(zh ? "位置" : "location"), f.message AS \(zh ? "说明" : "message")
            FROM finding f WHERE f.report_id IN (?1, ?2) AND f.rule NOT LIKE 'parse:%'
            ORDER BY f.report_id = ?2, f.severity, f.rule, f.rowid
            """, [.integer(a.id), .integer(b.id), .text(leftLabel), .text(rightLabel)])
        if zh {
            // As `检查` says them: the rule's title, 错误/警告, the message in Chinese.
            for index in findings.rows.indices {
                let row = findings.rows[index]
                if let rule = row[1].string, let title = AuditRules.rule(rule)?.title { findings.rows[index][1] = .text(title) }
                if let severity = row[2].string { findings.rows[index][2] = .text(severity == "error" ? "错误" : severity == "warning" ? "警告" : severity) }
                if let message = row[4].string { findings.rows[index][4] = .text(FindingsInChinese.message(message)) }
            }
        }
        let differing = cells.rows.filter { $0[2] != $0[3] }.count
        let whole = reuse.rows.last?[3].double.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        let name = Self.fileName
        let note = zh
            ? "\(leftLabel)（\(name(a.file))）对比 \(rightLabel)（\(name(b.file))）：\(differing) 个数字不同；\(rightLabel) 的一、五、六部分有 \(whole) 与 \(leftLabel) 重复"
            : "\(leftLabel) (\(name(a.file))) ↔ \(rightLabel) (\(name(b.file))): \(differing) number(s) differ; \(whole) of \(rightLabel)'s sections 一/五/六 repeats \(leftLabel)"
        var texts: [[DatabaseValue]] = []
        let (older, newer) = (try sectionTexts(a.id), try sectionTexts(b.id))
        for number in [1, 5, 6] where older[number] != nil || newer[number] != nil {
            texts.append([.text(TextReuse.sections[number] ?? ""), older[number].map(DatabaseValue.text) ?? .null, newer[number].map(DatabaseValue.text) ?? .null])
        }
        return .results([
            NamedResult(title: zh ? "数字" : "cells", result: cells),
            NamedResult(title: zh ? "重复率" : "text reuse", result: reuse),
            NamedResult(title: zh ? "问题" : "findings", result: findings),
            NamedResult(title: zh ? "正文" : "text", result: ResultSet(columns: [zh ? "部分" : "section", leftLabel, rightLabel], rows: texts), sideBySide: true),
        ], note: note)
    }

    /// A file by its name: the note and the hints are lines (`.reports` and `sql SELECT file …` give paths).
    static func fileName(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

    /// `where year = 2022` in a compare: the year of both sides.
    static func year(in condition: Condition?) -> Int? {
        guard let condition else { return nil }
        switch condition {
        case .compare(let ref, "=", let value):
            guard Catalog.dimension(named: ref.name)?.name == "year", case .number(let number, _) = value.kind else { return nil }
            return Int(number)
        case .and(let a, let b): return year(in: a) ?? year(in: b)
        default: return nil
        }
    }

    /// The one report a side names: by township, county, agency or body, and year; none or several is an
    /// error that says which there are.
    func choose(_ side: CompareSide, scope: (sql: String, values: [DatabaseValue])?) throws -> ChosenReport {
        guard let name = side.name, let year = side.year else {
            throw QueryError("which \(side.name == nil ? "body" : "year")? each side of a compare needs a body and a year", at: side.range,
                             hints: ["compare 羊亭镇 2021 with 2022; compare 柳岸街道 with 青石街道 where year = 2022"])
        }
        let match = "(r.township = ?1 OR r.county = ?1 OR r.agency = ?1 OR r.body = ?2 OR instr(r.agency, ?1) > 0)"
        let values: [DatabaseValue] = [.text(name), .text(BodyName.key(name) ?? name), .integer(Int64(year))] + (scope?.values ?? [])
        let rows = try database.query("SELECT r.id, r.agency, r.year, r.file FROM report r WHERE \(match) AND r.year = ?3"
                                      + (scope.map { " AND " + $0.sql } ?? "") + " ORDER BY r.id", values).rows
        guard rows.count == 1, case .integer(let id) = rows[0][0] else {
            if rows.isEmpty {
                let years = try database.query("SELECT DISTINCT r.year FROM report r WHERE \(match) ORDER BY r.year", [.text(name), .text(BodyName.key(name) ?? name)])
                    .rows.compactMap { $0.first?.description }
                throw QueryError("no report of “\(name)” for \(year)", at: side.range,
                                 hints: [years.isEmpty ? "no loaded report names “\(name)”" : "“\(name)” has reports of " + years.joined(separator: ", ")])
            }
            let listed = rows.prefix(8).map { "\($0[1].description) \($0[2].description) (\(Self.fileName($0[3].description)))" }
            throw QueryError("“\(name)” \(year) is \(rows.count) reports; name one", at: side.range,
                             hints: listed + (rows.count > 8 ? ["…"] : []) + ["use more of the name, or narrow with where: where county = 东湖区"])
        }
        return ChosenReport(id: id, agency: rows[0][1].description, year: year, file: rows[0][3].description)
    }

    /// Every cell of 二/三/四 and every prose figure of both reports, matched by where it stands, with the
    /// change; only those that differ unless `all`. Ordered by section, then as stored (the sections'
    /// offsets, 10¹¹ apart, stay clear of any rowid a database of this size holds).
    func compareCells(_ a: Int64, _ b: Int64, all: Bool, labels: (String, String), chinese zh: Bool) throws -> ResultSet {
        let sql = """
            WITH cells(id, ord, location, col, value, raw) AS (
              SELECT id, 0, '一 / 主动公开', '总数', active_total, NULL FROM report WHERE id IN (?1, ?2)
              UNION ALL SELECT report_id, 1e11 + rowid, '一 / 渠道 / ' || channel || coalesce('“' || account || '”', ''), '条数', items, NULL
                FROM active_channel WHERE report_id IN (?1, ?2) AND approximate = 0
              UNION ALL SELECT report_id, 2e11 + rowid,
                '一 / ' || CASE kind WHEN 'requests_received' THEN '收到申请（叙述）' WHEN 'fees_collected' THEN '信息处理费（元）' ELSE kind END,
                '', value, NULL FROM narrative_number
                WHERE report_id IN (?1, ?2) AND approximate = 0 AND kind <> 'active_total'
              UNION ALL SELECT report_id, 3e11 + rowid, '二 / ' || item || ' / ' || content, measure, value, raw FROM article20 WHERE report_id IN (?1, ?2)
              UNION ALL SELECT report_id, 4e11 + position, '三 / ' || coalesce(reason, outcome, stage), applicant, count, raw
                FROM (\(RequestRows.cells(from: "request_row", extra: { ["\(RequestRows.position($0)) AS position"] }, where: "report_id IN (?1, ?2)")))
              UNION ALL SELECT report_id, 5e11 + rowid, '四 / ' || kind, result, count, raw FROM review_litigation WHERE report_id IN (?1, ?2)),
            places AS (SELECT location, col, min(ord) AS ord FROM cells GROUP BY location, col)
            SELECT p.location AS \(SQLBuilder.quote(zh ? "位置" : "location")), p.col AS \(SQLBuilder.quote(zh ? "列" : "column")),
                   coalesce(l.value, l.raw) AS \(SQLBuilder.quote(labels.0)), coalesce(r.value, r.raw) AS \(SQLBuilder.quote(labels.1)),
                   r.value - l.value AS \(SQLBuilder.quote(zh ? "变化" : "change")),
                   round(100.0 * (r.value - l.value) / NULLIF(l.value, 0), 1) AS \(SQLBuilder.quote(zh ? "变化率%" : "change %"))
            FROM places p
            LEFT JOIN cells l ON l.id = ?1 AND l.location = p.location AND l.col = p.col
            LEFT JOIN cells r ON r.id = ?2 AND r.location = p.location AND r.col = p.col
            \(all ? "" : "WHERE coalesce(l.value, l.raw) IS NOT coalesce(r.value, r.raw)")
            ORDER BY p.ord
            """
        return try database.query(sql, [.integer(a), .integer(b)], limit: Limits.resultRows)
    }

    /// Sections 一, 五 and 六 of a report, as loaded.
    func sectionTexts(_ id: Int64) throws -> [Int: String] {
        var texts: [Int: String] = [:]
        for row in try database.query("SELECT section, body FROM narrative WHERE report_id = ?1 AND section IN (1, 5, 6)", [.integer(id)]).rows {
            if case .integer(let section) = row[0], let body = row[1].string { texts[Int(section), default: ""] += body + "\n" }
        }
        return texts
    }

    /// How much of the newer report's sections 一/五/六 repeats the older's, per section and for the whole.
    func reuseRows(newer: Int64, older: Int64, chinese zh: Bool) throws -> ResultSet {
        let rows = TextReuse.compare(newer: try sectionTexts(newer), older: try sectionTexts(older)).map { section, measure -> [DatabaseValue] in
            [.text(section), .integer(Int64(measure.characters)), .integer(Int64(measure.repeated)), measure.rate.map(DatabaseValue.real) ?? .null]
        }
        var result = ResultSet(columns: zh ? ["部分", "字数", "重复字数", "重复率"] : ["section", "characters", "repeated", "rate"], rows: rows)
        result.percentColumns = [zh ? "重复率" : "rate"]
        return result
    }
}
