import Testing
@testable import GongkaiKit

/// The SQL each form compiles to (inline), and what stays out of the SQL text: every typed value is bound.
struct QueryCompilerTests {
    func compiled(_ text: String) throws -> CompiledQuery {
        let statements = try Parser.parse(text)
        guard case .query(let node) = try #require(statements.first).node else { throw QueryError("not a query", at: 0..<0) }
        switch SQLCompiler().compile(try Resolver().resolve(node)) {
        case .query(let query): return query
        case .pivot(let plan): return try plan.finish(values: [.integer(2021), .integer(2022)])
        }
    }

    @Test func channelsUseTheChannelTable() throws {
        let query = try compiled("active by channel")
        #expect(query.sql == """
            WITH s0 AS (SELECT f.channel AS d0, sum(f.items) FILTER (WHERE f.approximate = 0) AS m0 FROM report r JOIN active_channel f ON f.report_id = r.id GROUP BY d0) SELECT s0.d0 AS "channel", s0.m0 AS "active" FROM s0 ORDER BY CASE "channel" WHEN '政府网站' THEN 0 WHEN '微信公众号' THEN 1 WHEN '微信视频号' THEN 2 WHEN '微博' THEN 3 WHEN '抖音' THEN 4 WHEN '快手' THEN 5 WHEN '小红书' THEN 6 WHEN '今日头条' THEN 7 WHEN '学习强国' THEN 8 WHEN '政务新媒体' THEN 9 WHEN '公示栏' THEN 10 WHEN '电子显示屏' THEN 11 WHEN '广播电视' THEN 12 WHEN '报刊' THEN 13 WHEN '新闻媒体' THEN 14 WHEN 'APP' THEN 15 WHEN '政务公开专区' THEN 16 WHEN '便民服务中心' THEN 17 WHEN '档案馆' THEN 18 WHEN '线下' THEN 19 WHEN '其他' THEN 20 ELSE 21 END, "channel"
            """)
        #expect(query.values.isEmpty)
    }

    @Test func activeWithoutChannelUsesTheStatedTotal() throws {
        let query = try compiled("主动公开 按 年份 where 乡镇 = 羊亭镇")
        #expect(query.sql == """
            WITH s0 AS (SELECT r.year AS d0, sum(coalesce(r.active_total, (SELECT sum(c.items) FROM active_channel c WHERE c.report_id = r.id AND c.approximate = 0))) AS m0 FROM report r WHERE r.township = ?1 GROUP BY d0) SELECT s0.d0 AS "年份", s0.m0 AS "主动公开" FROM s0 ORDER BY "年份"
            """)
        #expect(query.values == [.text("羊亭镇")])
    }

    @Test func formulasAliasesAndFilters() throws {
        let query = try compiled("requests, granted / requests as 公开率 by township where year = 2019..2021 and county in (环翠区, \"西山县\") and not level = street order by 公开率 desc limit 5")
        #expect(query.sql == """
            WITH s0 AS (SELECT r.township_place AS d0, sum(t.requests) AS m0, sum(t.granted) AS m1 FROM report r JOIN report_total t ON t.report_id = r.id WHERE t.has_request = 1 AND (r.year BETWEEN ?1 AND ?2 AND r.county IN (?3, ?4) AND NOT (r.level = ?5)) GROUP BY d0) SELECT s0.d0 AS "township", s0.m0 AS "requests", (CAST(s0.m1 AS REAL) / NULLIF(s0.m0, 0)) AS "公开率" FROM s0 ORDER BY "公开率" DESC, "township" LIMIT ?6
            """)
        #expect(query.values == [.integer(2019), .integer(2021), .text("环翠区"), .text("西山县"), .text("street"), .integer(5)])
    }

    @Test func metricsFromSeveralTablesAreJoinedOnTheDimensions() throws {
        let query = try compiled("requests, findings, active by county")
        #expect(query.sql.contains("k AS (SELECT d0 FROM s0 UNION SELECT d0 FROM s1)"))
        #expect(query.sql.contains("FROM k LEFT JOIN s0 ON s0.d0 IS k.d0 LEFT JOIN s1 ON s1.d0 IS k.d0"))
        // By report dimensions, each report's totals (report_total) and the report's own columns in one
        // pass: a table's metric only over the reports with rows of the table; by a fact, the fact table.
        let onePass = try compiled("requests, reviews, active by county").sql
        #expect(onePass.contains("sum(t.reviews) FILTER (WHERE t.has_review = 1) AS m1"))
        #expect(onePass.contains("FROM report r LEFT JOIN report_total t ON t.report_id = r.id GROUP BY d0) SELECT"))
        #expect(!onePass.contains("UNION"))
        // Without a report metric, the groups are the reports with rows of one of the tables.
        #expect(try compiled("requests, reviews by county").sql.contains("HAVING count(*) FILTER (WHERE t.has_request = 1 OR t.has_review = 1) > 0"))
        #expect(try compiled("reviews by county").sql.contains("sum(t.reviews) AS m0 FROM report r JOIN report_total t ON t.report_id = r.id WHERE t.has_review = 1"))
        #expect(try compiled("reviews by county where year = 2021").sql.contains("JOIN report_total t"))
        #expect(try compiled("requests by county where applicant = '自然人'").sql.contains("JOIN request f"))
        #expect(try compiled("active by county").sql.contains("report_total") == false)
    }

    @Test func applicantAndOutcomeReadTheirCells() throws {
        #expect(try compiled("requests by applicant").sql.contains("f.stage = '本年新收' AND f.applicant <> '总计'"))
        #expect(try compiled("requests by applicant").sql.contains("JOIN request f"))
        // Without applicant columns, a table row's 总计 column.
        #expect(try compiled("handled by outcome").sql.contains("sum(f.total) FILTER (WHERE f.stage = '办理结果' AND f.outcome <> '总计')"))
        #expect(try compiled("handled by outcome").sql.contains("JOIN request_row f"))
    }

    @Test func aMetricOfOneTemplateIsNullForTheOther() throws {
        #expect(try compiled("fees by year").sql.contains("sum(t.fees) FILTER (WHERE r.template = '2021')"))
    }

    @Test func likeAndNotIn() throws {
        let query = try compiled("reports where township like '%镇' and year not in (2020)")
        #expect(query.sql.contains("r.township LIKE ?1 AND r.year NOT IN (?2)"))
        #expect(query.values == [.text("%镇"), .integer(2020)])
    }

    @Test func pivotMakesAColumnPerValueAndChangeColumns() throws {
        let query = try compiled("requests by township pivot year")
        #expect(query.sql.hasPrefix("""
            SELECT "township", "2021", "2022", ("2022" - "2021") AS "Δ2021→2022", round(100.0 * ("2022" - "2021") / NULLIF("2021", 0), 1) AS "%2021→2022" FROM (SELECT "township", max("requests") FILTER (WHERE "year" IS ?1) AS "2021", max("requests") FILTER (WHERE "year" IS ?2) AS "2022" FROM temp.gongkai_pivot_base GROUP BY "township") ORDER BY "township"
            """))
        #expect(query.values == [.integer(2021), .integer(2022)])
    }

    /// The base of a pivot is aggregated once, into a temporary table, with the typed values bound there.
    @Test func pivotBaseIsMaterialisedOnce() throws {
        guard case .query(let node) = try Parser.parse("requests by township where county = 环翠区 pivot year")[0].node,
              case .pivot(let plan) = SQLCompiler().compile(try Resolver().resolve(node)) else {
            Issue.record("not a pivot")
            return
        }
        // Grouped by the place (township_place), filtered by the bare name (county).
        #expect(plan.materialize.sql.hasPrefix("CREATE TEMP TABLE gongkai_pivot_base AS WITH s0 AS (SELECT r.township_place AS d0, r.year AS d1"))
        #expect(plan.materialize.sql.contains("AND r.county = ?1"))
        #expect(plan.materialize.values == [.text("环翠区")])
        #expect(plan.valuesQuery == CompiledQuery(sql: "SELECT DISTINCT \"year\" FROM temp.gongkai_pivot_base ORDER BY \"year\"", values: []))
    }

    @Test func identifiersFromDataAreQuoted() {
        #expect(SQLBuilder.quote("a\"b") == "\"a\"\"b\"")
    }

    /// Every query that compiles is valid SQL for SQLite: prepared against the real schema.
    @Test func compiledQueriesPrepare() throws {
        let session = try Session.open(path: nil)
        let queries = [
            "active by channel", "active", "reports by level", "requests, granted, partial, denied, cannot_provide, not_processed, other_handling, handled, carried_forward, carried_over by year",
            "reviews, reviews_corrected, reviews_upheld, lawsuits, lawsuits_corrected by county", "licensing_decisions + penalties + enforcement as decisions by township",
            "documents_in_force, documents_issued, fees, procurement by template", "requests_in_prose - requests as gap by agency", "findings by rule, severity",
            "active by channel, account where channel = 微信公众号", "requests by applicant where applicant in (自然人, 其他)", "handled by outcome, year",
            "requests, reviews by township pivot year order by township limit 3", "-(requests) * 2 + 1 as x by province, city, file",
        ]
        for text in queries {
            let statements = try Parser.parse(text)
            guard case .query(let node) = statements[0].node else { continue }
            switch SQLCompiler().compile(try Resolver().resolve(node)) {
            case .query(let query): _ = try session.database.query(query.sql, query.values)
            case .pivot(let plan):
                _ = try session.withPivotBase(plan) { _ in
                    let final = try plan.finish(values: [.integer(2021)])
                    return try session.database.query(final.sql, final.values)
                }
            }
        }
    }
}
