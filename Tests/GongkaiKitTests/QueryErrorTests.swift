import Testing
@testable import GongkaiKit

/// Error messages as printed (golden), and a property: no sequence of tokens crashes the lexer, the
/// parser, the resolver or the compiler, and whatever compiles is SQL that SQLite accepts.
struct QueryErrorTests {
    static let mistakes = [
        "select township from report",
        "activ by channel", "主动 按 渠道", "active by chanel", "requests where year = 羊亭镇", "requests by channel",
        "active by channel where channel = 微信号", "requests by township where", "requests by township limit x",
        "requests by township order by 公开率", "township by year", "active by requests", "requests by year pivot year",
        "requests where level = towns", "requests 'x'", "active by channel where (year = 2021", "requests where county like 2021",
        "requests where township = 2019..2021", "show tables", "check rowtotal", "active by channel where \"羊亭镇",
        "explain", "sql", "requests, by year", "requests where year = 2021 and", "active @ channel",
        "requests\n  by 乡镇\n  where 年份 = 二零二一",
    ]

    @Test func messagesAsPrinted() throws {
        let session = try Session.open(path: nil)
        var out = ""
        for text in Self.mistakes {
            out += "> " + text.replacing("\n", with: "\n> ") + "\n"
            for step in Step.all(text, session) {
                if case .failure(let failure) = step.result { out += failure.render(source: text, statement: step.statement) }
            }
            out += "\n"
        }
        try Golden.check(out, "query-errors.txt")
    }

    @Test func batchErrorsNameFileLineAndColumn() {
        let source = "active by channel\nrequests by townshp\n"
        let error = QueryError("unknown dimension “townshp”", at: 30..<37)
        #expect(error.render(source: source, origin: "q.gkq").hasPrefix("q.gkq:2:13: error: unknown dimension “townshp”\nrequests by townshp\n            ^~~~~~~\n"))
    }

    @Test func randomTokenSequencesNeverCrash() throws {
        let session = try Session.open(path: nil)
        let vocabulary = ["active", "主动公开", "requests", "granted", "reports", "by", "按", "where", "pivot", "order", "limit", "and", "or",
                          "not", "in", "like", "as", "asc", "desc", "explain", "show", "check", "year", "年份", "township", "channel",
                          "applicant", "outcome", "level", "=", "!=", "<", ">=", "..", ",", "(", ")", "+", "-", "*", "/", ";", "\n",
                          "2021", "0", "3.5", "'x'", "\"", "羊亭镇", "微信公众号", "rule", "findings", "metrics", "--", "“", "”", "@",
                          "sql", "select", "1", "from", "report", "with", "total", "subtotals", "rank", "合计", "小计", "排名", "share",
                          "占比", "avg", "top", "前", "reason", "理由", "without", "changes", "不比较", "compare", "对比", "search", "搜索",
                          "all", "云岗镇", "text_reuse", "重复率", "检查"]
        var random = SplitMix64(seed: 7)
        var compiledCount = 0
        for _ in 0..<5000 {
            let length = 1 + random.below(9)
            let text = (0..<length).map { _ in vocabulary[random.below(vocabulary.count)] }.joined(separator: random.below(4) == 0 ? "" : " ")
            guard let statements = try? Parser.parseRecovering(text) else { continue }
            for case .success(let statement) in statements {
                guard case .query(let node) = statement.node, let resolved = try? Resolver().resolve(node) else { continue }
                switch SQLCompiler().compile(resolved) {
                case .query(let query):
                    _ = try session.database.prepare(query.sql)
                case .pivot(let plan):
                    _ = try session.database.prepare(plan.valuesQuery.sql)
                    _ = try session.database.prepare(plan.finish(values: [.integer(1), .text("x")]).sql)
                }
                compiledCount += 1
            }
        }
        #expect(compiledCount > 50, "the property test should reach the compiler often")
    }

    /// The statements that run outside the compiler (compare, search, check, the additions) over the
    /// samples: random sequences of their words end in an answer or an error, never a crash.
    @Test func randomStatementsOverTheSamplesNeverCrash() throws {
        let session = try Session.open(path: nil)
        _ = try session.load(files: try ReportPaths.expand([SharedFiles.packageRoot.appendingPathComponent("samples").path]).files)
        let vocabulary = ["compare", "对比", "search", "搜索", "with", "和", "where", "year", "=", "2021", "2022", "2030", "云岗镇", "东湖区",
                          "柳岸街道", "all", "全部", "check", "检查", "'培训'", "\"", "requests", "申请", "by", "county", "with", "total",
                          "subtotals", "rank", "合计", "小计", "排名", "share", "(", ")", "pivot", "without", "changes", "reason", "denied",
                          "text_reuse", "top", "3", ",", ";", "and", "or"]
        var random = SplitMix64(seed: 11)
        var answered = 0
        for _ in 0..<1500 {
            let text = (0..<(1 + random.below(6))).map { _ in vocabulary[random.below(vocabulary.count)] }.joined(separator: " ")
            if case .success = Result(catching: { try session.execute(text) }) { answered += 1 }
        }
        #expect(answered > 20)
    }
}
