import Testing
@testable import GongkaiKit

/// Statements run end to end on the samples (and the corpus), and the parser's own behaviour.
@Suite(.serialized)
struct QueryLanguageTests {
    static let samples = SharedFiles.packageRoot.appendingPathComponent("samples").path

    static func session(_ path: String = samples) throws -> Session {
        let session = try Session.open(path: nil)
        _ = try session.load(files: FileBytes.files(under: path).filter { $0.hasSuffix(".txt") })
        return session
    }

    func rows(_ session: Session, _ text: String) throws -> [[DatabaseValue]] {
        guard case .rows(let result) = try session.execute(text) else { throw QueryError("no rows", at: 0..<0) }
        return result.rows
    }

    @Test func seedChannelsOnTheSamples() throws {
        let session = try Self.session()
        #expect(try rows(session, "主动公开 按 渠道 where 乡镇 = 羊亭镇 order by 主动公开 desc") == [
            [.text("微信公众号"), .integer(566)], [.text("微博"), .integer(188)], [.text("政府网站"), .integer(92)], [.text("抖音"), .integer(64)],
        ])
        #expect(try rows(session, "active, reports where township = 羊亭镇") == [[.integer(910), .integer(1)]])
    }

    @Test func pivotOverYearsOnTheSamples() throws {
        let session = try Self.session()
        guard case .rows(let result) = try session.execute("requests by county pivot year") else { Issue.record("no rows"); return }
        #expect(result.columns == ["county", "2021", "2022", "2023", "Δ2021→2022", "%2021→2022", "Δ2022→2023", "%2022→2023"])
        let expected = try rows(session, "requests by county, year")
        for row in result.rows {
            let county = row[0]
            for (offset, year) in [2021, 2022, 2023].enumerated() {
                let value = expected.first { $0[0] == county && $0[1] == .integer(Int64(year)) }?[2] ?? .null
                #expect(row[1 + offset] == value, "\(county) \(year)")
            }
        }
        // The base's temporary table is gone after the pivot, after its explain, and after a failed one.
        let leftover = "SELECT count(*) FROM temp.sqlite_master WHERE name = 'gongkai_pivot_base'"
        #expect(try session.database.scalar(leftover) == .integer(0))
        guard case .message(let explained) = try session.execute("explain requests by county where year >= 2022 pivot year") else {
            Issue.record("no explanation")
            return
        }
        #expect(explained.contains("CREATE TEMP TABLE gongkai_pivot_base AS WITH s0"))
        #expect(explained.contains("  ?1 = 2022\n-- the pivot values, read from it:\nSELECT DISTINCT \"year\" FROM temp.gongkai_pivot_base ORDER BY \"year\"\n"))
        #expect(explained.hasSuffix("-- and the table dropped:\nDROP TABLE IF EXISTS temp.gongkai_pivot_base\n"))
        #expect(try session.database.scalar(leftover) == .integer(0))
        #expect(throws: Session.Failure.self) { try session.execute("requests / nosuchmetric by county pivot year") }
        #expect(try session.database.scalar(leftover) == .integer(0))
    }

    @Test func severalSourcesInOneQuery() throws {
        let session = try Self.session()
        let joined = try rows(session, "requests, reviews, reports by county")
        let requests = try rows(session, "requests by county")
        let reviews = try rows(session, "reviews by county")
        #expect(joined.map { [$0[0], $0[1]] } == requests)
        #expect(joined.map { [$0[0], $0[2]] } == reviews)
        #expect(joined.map(\.[3]).reduce(0) { $0 + ($1.double ?? 0) } == 19)
    }

    @Test func applicantColumnsAddUpToTheTotal() throws {
        let session = try Self.session()
        let byApplicant = try rows(session, "requests by applicant where county = 东湖区")
        let total = try rows(session, "requests where county = 东湖区")
        #expect(byApplicant.count == 6)
        #expect(byApplicant.reduce(0) { $0 + ($1[1].double ?? 0) } == total[0][0].double)
    }

    @Test func templateMetricsAreNullForTheOtherTemplate() throws {
        let session = try Self.session()
        #expect(try rows(session, "procurement, fees where template = 2021 and county = 东湖区")[0][0] == .null)
    }

    @Test func statementsSeparatedBySemicolonsAndLines() throws {
        let statements = try Parser.parse("active by channel; reports\n-- name: by year\nrequests\n  by year\n  where county = 西山县\nshow metrics")
        #expect(statements.count == 4)
        #expect(statements[2].name == "by year")
        #expect(statements[2].text == "requests\n  by year\n  where county = 西山县")
    }

    @Test func chineseWithoutSpacesIsSegmented() throws {
        let tokens = try Lexer("主动公开按渠道").tokens().compactMap(\.word)
        #expect(tokens == ["主动公开", "按", "渠道"])
        #expect(try Lexer("羊亭镇").tokens().compactMap(\.word) == ["羊亭镇"])
        #expect(try Lexer("年份＝２０２１，乡镇").tokens().map(\.kind).prefix(4) == [.word("年份"), .symbol("="), .number(2021, text: "2021"), .symbol(",")])
    }

    @Test func rawSQLAndExplain() throws {
        let session = try Self.session()
        #expect(try rows(session, "sql SELECT count(*) FROM report") == [[.integer(19)]])
        guard case .message(let text) = try session.execute("explain requests where year = 2021") else { Issue.record("no message"); return }
        #expect(text.contains("AND r.year = ?1"))
        #expect(text.contains("?1 = 2021"))
    }

    @Test(.enabled(if: SharedFiles.available, "needs ../shared/corpus"))
    func queriesOnTheCorpus() throws {
        let session = try Self.session(try #require(SharedFiles.path("corpus")))
        let levels = try rows(session, "reports by level order by reports desc")
        // index.tsv judges 21 of the 42 excerpts to be townships.
        #expect(levels.first == [.text("township"), .integer(21)])
        let channels = try rows(session, "active by channel where year = 2022 and channel = 政府网站")
        // 041's `利用门户网站主动公开政府信息88条、规范性文件2条、…` heads a list of categories: not a channel count.
        #expect(channels == [[.text("政府网站"), .integer(84 + 27 + 314 + 165 + 46106 + 25)]])
        #expect(try rows(session, "reports where template = 2019") == [[.integer(5)]])
    }

    @Test func showLists() throws {
        let session = try Self.session()
        #expect(try rows(session, "show metrics").count == Catalog.metrics.count)
        #expect(try rows(session, "show dimensions").count == Catalog.dimensions.count)
        #expect(try rows(session, "show reports").count == 19)
        #expect(try rows(session, "show rules").count == AuditRules.all.count)
    }
}

/// Chinese all the way: keywords, fixed values as the template prints them, `2021年`, `between`.
struct ChineseQueryTests {
    static func rows(_ statement: String) throws -> [[DatabaseValue]] {
        let session = try QueryLanguageTests.session()
        guard case .rows(let result) = try session.execute(statement) else { return [] }
        return result.rows
    }

    @Test func keywordsValuesAndYears() throws {
        // Named in Chinese, a dimension shows its values in Chinese too.
        #expect(try Self.rows("reports 按 层级 条件 层级 = 街道") == [[.text("街道"), .integer(6)]])
        #expect(try Self.rows("reports by level where level = street") == [[.text("street"), .integer(6)]])
        // Typed without spaces: 乡镇条件年份 splits into 乡镇 / 条件 / 年份.
        let chinese = try Self.rows("申请按乡镇条件年份=2021年排序申请降序")
        let english = try Self.rows("requests by township where year = 2021 order by requests desc")
        #expect(chinese == english && !chinese.isEmpty)
        #expect(try Self.rows("reports by year where year between 2021 and 2022") == [[.integer(2021), .integer(7)], [.integer(2022), .integer(6)]])
        #expect(try Self.rows("reports 按 年份 条件 年份 介于 2022 并且 2023") == [[.integer(2022), .integer(6)], [.integer(2023), .integer(6)]])
        #expect(try Self.rows("reports where year = 2022年度") == [[.integer(6)]])
        #expect(try Self.rows("问题数 条件 级别 = 错误") == [[.integer(8)]])
        // A condition on a metric applies to the aggregated rows (it was "a metric, not a dimension").
        #expect(try Self.rows("reviews by county where reviews > 0") == [[.text("东湖区"), .integer(8)], [.text("北岭县"), .integer(6)], [.text("西山县"), .integer(3)]])
        #expect(try Self.rows("行政复议 按 区县 条件 行政复议 > 0 并且 年份 = 2021").count == 3)
        let shares = try Self.rows("requests, granted / requests as 公开率 by township where 公开率 >= 0.5 order by 公开率 desc")
        #expect(shares.count == 5 && shares.allSatisfy { ($0[2].double ?? 0) >= 0.5 })
        #expect(throws: Session.Failure.self) { try Self.rows("requests by county where lawsuits > 0") }
        // is null / 为空: the 18 synthetic reports name no province (示范市 is in no gazetteer); the seed's is 山东省.
        #expect(try Self.rows("reports where province is null") == [[.integer(18)]])
        #expect(try Self.rows("reports 条件 省份 不为空") == [[.integer(1)]])
        #expect(try Self.rows("reports where 省份 为空 and year = 2021") == [[.integer(6)]])
        // top N / 前 N: the first N by the order (else the first metric, largest first), ties at the cut kept.
        let top = try Self.rows("requests by township top 3")
        #expect(top.map { $0[1] } == [.integer(18), .integer(18), .integer(16), .integer(16)])
        #expect(try Self.rows("申请 按 乡镇 前 3") == top)
        #expect(try Self.rows("requests by township order by requests desc top 2").count == 2)
        #expect(throws: Session.Failure.self) { try Self.rows("requests by township pivot year top 3") }
        // avg(METRIC) / 平均(METRIC): per report of the group; not a percentage.
        #expect(try Self.rows("avg(requests) by year").map { $0[1] } == Self.rows("requests / reports by year").map { $0[1] })
        #expect(try Self.rows("平均(申请) 按 区县") == Self.rows("avg(requests) by county"))
        #expect(throws: Session.Failure.self) { try Self.rows("avg(granted / requests) by county") }
        // The template's own row names are metrics.
        #expect(try Self.rows("本年新收 按 年份") == Self.rows("requests by year"))
        #expect(try Self.rows("依申请公开按区县") == Self.rows("requests by county"))
    }
}
