/// `search "12345热线"` / `搜索 政务新媒体`: every sentence of sections 一, 五 and 六 of the loaded reports that
/// contains the text, with its report (the file by its name). An exact substring (after nothing: type it as the reports write it);
/// SQLite's `instr` over the narrative, which on 10,000 reports answers in well under a second
/// (docs/query-language.md says why not FTS5).
extension Session {
    func search(_ text: String, filter: Condition?, chinese zh: Bool) throws -> ResultSet {
        guard !text.isEmpty else { throw QueryError("search for what? the text is empty", at: 0..<0) }
        var builder = SQLBuilder()
        let needle = builder.bind(.text(text))
        var sql = """
            SELECT r.agency, r.year, n.section, n.body, r.file FROM narrative n JOIN report r ON r.id = n.report_id
            WHERE n.section IN (1, 5, 6) AND instr(n.body, \(needle)) > 0
            """
        if let filter {
            let resolved = try Resolver().filter(filter)
            for dimension in resolved.dimensions where dimension.source != nil {
                throw QueryError("search selects reports: “\(dimension.name)” is not a report dimension", at: 0..<0)
            }
            sql += " AND " + SQLCompiler().condition(resolved, builder: &builder)
        }
        sql += " ORDER BY r.county, r.township, r.agency, r.year, n.section"
        let sections = [1: "一", 5: "五", 6: "六"]
        var rows: [[DatabaseValue]] = []
        let statement = try database.prepare(sql)
        _ = try statement.forEachRow(builder.values) { row in
            guard let body = row[3].string else { return }
            for sentence in ProseScanner.sentences(body) where sentence.contains(text) {
                guard rows.count < Limits.resultRows else { return }
                let section: DatabaseValue = row[2].double.map { .text(sections[Int($0)] ?? "") } ?? .null
                rows.append([row[0], row[1], section, .text(sentence), .text(Self.fileName(row[4].description))])
            }
        }
        return ResultSet(columns: zh ? ["机关", "年份", "部分", "句子", "文件"] : ["agency", "year", "section", "sentence", "file"], rows: rows)
    }
}
