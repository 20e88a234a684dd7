/// The grammar rules, one function each.
extension Parser {
    mutating func statement() throws(QueryError) -> StatementNode {
        skipNewlines()
        switch current.keyword {
        case "explain":
            try nest(current)
            position += 1
            skipNewlines()
            if current.kind == .end || current.kind == .semicolon {
                throw QueryError("expected a statement to explain, found \(current.describe)", at: current.range)
            }
            return .explain(try statement())
        case "sql":
            return try rawSQL()
        case "select", "with", "insert", "update", "delete", "create", "drop", "pragma", "attach", "vacuum":
            // A first attempt in SQL: say where SQL goes, rather than "unknown metric “select”".
            let word = current.word ?? ""
            throw QueryError("“\(word)” starts SQL, not a statement of the query language", at: current.range,
                             hints: ["raw SQL goes after `sql`: sql \(word.uppercased()) …", "the query language asks for metrics: `requests by township`; “show metrics” lists them"])
        case "show":
            position += 1
            return .show(try expectName("what to show: metrics, dimensions, reports or rules"))
        case "check":
            let chinese = current.word == "检查"
            position += 1
            var rules: [NameRef] = []
            while let token = continuing(), let word = token.word, token.keyword != "where" {
                rules.append(NameRef(name: word, range: token.range))
                position += 1
            }
            let filter = accept(keyword: "where") ? try condition() : nil
            return .check(rules: rules, filter: filter, chinese: chinese)
        case "compare":
            return .compare(try compare())
        case "search":
            let chinese = current.word == "搜索"
            let keyword = advance()
            skipNewlines()
            let text: String
            switch current.kind {
            case .string(let quoted): text = quoted
            case .word(let word): text = word
            case .number(_, let typed): text = typed
            default:
                throw QueryError("expected the text to search for after “\(keyword.word ?? "search")”, found \(current.describe)", at: current.range,
                                 hints: ["search \"12345热线\" / 搜索 政务新媒体"])
            }
            let range = advance().range
            let filter = accept(keyword: "where") ? try condition() : nil
            return .search(text: text, range: range, filter: filter, chinese: chinese)
        default:
            return .query(try query())
        }
    }

    /// `sql …`: the raw text the lexer kept as SQLite's (up to a `;`, `；` or blank line outside quotes).
    mutating func rawSQL() throws(QueryError) -> StatementNode {
        let keyword = advance()
        guard case .rawSQL(let text, _) = current.kind, !text.allSatisfy(\.isWhitespace) else {
            throw QueryError("expected SQL after “sql”", at: keyword.range)
        }
        let start = advance().range.lowerBound
        return .sql(text, offset: start)
    }

    /// Metrics, then the clauses in any order (each at most once): by, where, pivot, order by, limit.
    mutating func query() throws(QueryError) -> QueryNode {
        var node = QueryNode(measures: [try measure()], dimensions: [], filter: nil, pivot: nil, order: [], limit: nil)
        while accept(symbol: ",") { node.measures.append(try measure()) }
        var seen: Set<String> = []
        while let token = continuing(), let word = token.keyword, ["by", "按", "where", "pivot", "order", "limit", "top", "with", "total", "subtotals", "rank"].contains(word) {
            if ["with", "total", "subtotals", "rank"].contains(word) {
                try additions(token, into: &node)
                continue
            }
            let clause = word == "按" ? "by" : word
            if seen.contains(clause) {
                throw QueryError("“\(token.word ?? clause)” appears twice in one statement", at: token.range)
            }
            seen.insert(clause)
            position += 1
            switch clause {
            case "by":
                node.dimensions.append(try expectName("a dimension after “by”"))
                while accept(symbol: ",") { node.dimensions.append(try expectName("a dimension after “,”")) }
            case "where":
                node.filter = try condition()
            case "pivot":
                node.pivot = try expectName("a dimension after “pivot”")
                // `pivot year without changes` / `透视 年份 不比较`: the value columns alone.
                if let next = continuing(), next.word?.lowercased() == "without" || next.word == "不比较" {
                    position += 1
                    if next.word?.lowercased() == "without" {
                        guard let word = current.word?.lowercased(), word == "changes" || word == "change" else {
                            throw QueryError("expected “changes” after “without”, found \(current.describe)", at: current.range,
                                             hints: ["`pivot year without changes` leaves out the Δ and % columns"])
                        }
                        position += 1
                    }
                    node.pivotWithoutChanges = true
                }
            case "order":
                // `排序` is `order by` in one word; `order` needs its `by`.
                if token.word != "排序" {
                    skipNewlines()
                    guard current.keyword == "by" else {
                        throw QueryError("expected “by” after “order”, found \(current.describe)", at: current.range)
                    }
                    position += 1
                }
                repeat {
                    let name = try orderName()
                    var descending = false
                    if accept(keyword: "desc") { descending = true } else { _ = accept(keyword: "asc") }
                    node.order.append(OrderItem(name: name, descending: descending))
                } while accept(symbol: ",")
            default:
                skipNewlines()
                guard case .number(let value, _) = current.kind, value >= 0, value.rounded() == value, value < 1e9 else {
                    throw QueryError("expected a whole number after “\(token.word ?? clause)”, found \(current.describe)", at: current.range)
                }
                if clause == "top" { node.top = (Int(value), advance().range) } else { node.limit = (Int(value), advance().range) }
            }
        }
        if let token = continuing() {
            if token.word != nil, !Catalog.keywords.contains(token.keyword ?? ""), seen.isEmpty {
                throw QueryError("expected “,”, “by”, “where” or the end of the statement, found \(token.describe)", at: token.range,
                                 hints: ["metrics are separated by “,”; group with “by” (or 按)"])
            }
            throw QueryError("expected the end of the statement, found \(token.describe)", at: token.range)
        }
        return node
    }

    /// `compare SIDE with SIDE [where COND] [all]`, SIDE = [NAME] [YEAR]; in Chinese `对比 SIDE 和 SIDE`, or
    /// `对比 羊亭镇 2021 2022` (a second year alone needs no `和`).
    mutating func compare() throws(QueryError) -> CompareNode {
        let keyword = advance()
        let chinese = keyword.word == "对比"
        func side() throws(QueryError) -> CompareSide {
            skipNewlines()
            var side = CompareSide(name: nil, year: nil, range: current.range)
            switch current.kind {
            case .word(let word) where current.keyword != "where" && !["with", "和", "与", "all", "全部"].contains(word.lowercased()):
                side.name = word
                position += 1
            case .string(let text):
                side.name = text
                position += 1
            default: break
            }
            if case .number(let value, _) = current.kind, value.rounded() == value, value >= 1900, value < 2200 {
                side.year = Int(value)
                position += 1
            }
            side.range = side.range.lowerBound..<max(side.range.lowerBound, tokens[max(0, position - 1)].range.upperBound)
            if side.name == nil, side.year == nil {
                throw QueryError("expected a body (乡镇, 机关…) or a year to compare, found \(current.describe)", at: current.range,
                                 hints: ["compare 羊亭镇 2021 with 2022; compare 柳岸街道 with 青石街道 where year = 2022; 对比 羊亭镇 2021 2022"])
            }
            return side
        }
        let left = try side()
        skipNewlines()
        if let word = current.word?.lowercased(), ["with", "和", "与"].contains(word) { position += 1 }
        let right = try side()
        let filter = accept(keyword: "where") ? try condition() : nil
        var all = false
        if let word = continuing()?.word?.lowercased(), word == "all" || word == "全部" {
            all = true
            position += 1
        }
        return CompareNode(left: left, right: right, filter: filter, all: all, chinese: chinese,
                           range: keyword.range.lowerBound..<tokens[max(0, position - 1)].range.upperBound)
    }

    /// `with total, subtotals, rank`, or one Chinese word (`合计`, `小计`, `排名`) per addition.
    mutating func additions(_ token: Token, into node: inout QueryNode) throws(QueryError) {
        func add(_ kind: Addition.Kind, _ range: Range<Int>, chinese: Bool) throws(QueryError) {
            if node.additions.contains(where: { $0.kind == kind }) {
                throw QueryError("“\(Catalog.additionLabel(kind, chinese: chinese))” appears twice in one statement", at: range)
            }
            node.additions.append(Addition(kind: kind, label: Catalog.additionLabel(kind, chinese: chinese), range: range))
        }
        position += 1
        guard token.keyword == "with" else {
            let kind = Catalog.additionWords[token.keyword ?? ""] ?? .total
            try add(kind, token.range, chinese: token.word.map { Catalog.chineseKeywords[$0] != nil } ?? false)
            return
        }
        repeat {
            skipNewlines()
            guard let word = current.word?.lowercased(), let kind = Catalog.additionWords[word] ?? Catalog.additionWords[current.keyword ?? ""] else {
                throw QueryError("expected “total”, “subtotals” or “rank” after “with”, found \(current.describe)", at: current.range,
                                 hints: ["`requests by county with total`; in Chinese: `申请 按 区县 合计`"])
            }
            let chinese = Catalog.chineseKeywords[current.word ?? ""] != nil
            try add(kind, advance().range, chinese: chinese)
        } while accept(symbol: ",")
    }

    /// True when the formula divides somewhere.
    static func divides(_ expr: Expr) -> Bool {
        switch expr {
        case .binary("/", _, _): return true
        case .binary(_, let left, let right): return divides(left) || divides(right)
        case .negate(let inner, _), .share(let inner, _): return divides(inner)
        default: return false
        }
    }

    /// A column to order by: a name, or a pivoted column given as a number (`2023`) or a quoted label
    /// (`"Δ2022→2023"`).
    mutating func orderName() throws(QueryError) -> NameRef {
        skipNewlines()
        switch current.kind {
        case .number(_, let text): return NameRef(name: text, range: advance().range)
        case .string(let text): return NameRef(name: text, range: advance().range)
        default: return try expectName("a column to order by")
        }
    }

    mutating func measure() throws(QueryError) -> Measure {
        skipNewlines()
        let start = current.range.lowerBound
        let expr = try expression()
        let text = String(source[start..<expr.range.upperBound])
        var alias: NameRef?
        if accept(keyword: "as") {
            skipNewlines()
            if case .string(let name) = current.kind {
                alias = NameRef(name: name, range: advance().range)
            } else {
                alias = try expectName("a name after “as”")
            }
        }
        return Measure(expr: expr, alias: alias, text: text)
    }

    mutating func expression() throws(QueryError) -> Expr {
        var left = try term()
        while let token = continuing(), token.isSymbol("+") || token.isSymbol("-") {
            try chain(token)
            position += 1
            left = .binary(token.isSymbol("+") ? "+" : "-", left, try term())
        }
        return left
    }

    mutating func term() throws(QueryError) -> Expr {
        var left = try factor()
        while let token = continuing(), token.isSymbol("*") || token.isSymbol("/") {
            try chain(token)
            position += 1
            left = .binary(token.isSymbol("*") ? "*" : "/", left, try factor())
        }
        return left
    }

    mutating func factor() throws(QueryError) -> Expr {
        skipNewlines()
        let token = current
        switch token.kind {
        case .number(let value, _):
            position += 1
            return .number(value, token.range)
        case .symbol("("):
            try nest(token)
            defer { depth -= 1 }
            position += 1
            let inner = try expression()
            try expect(symbol: ")", "“)”")
            return inner
        case .symbol("-"):
            try nest(token)
            defer { depth -= 1 }
            position += 1
            let inner = try factor()
            return .negate(inner, token.range.lowerBound..<inner.range.upperBound)
        case .word(let word) where (word.lowercased() == "avg" || word == "平均"):
            // avg(METRIC) / 平均(METRIC): per report of the group — METRIC / reports.
            try nest(token)
            defer { depth -= 1 }
            position += 1
            try expect(symbol: "(", "“(” after “\(word)”")
            let inner = try expression()
            if Self.divides(inner) {
                throw QueryError("“\(word)” averages a count per report; the average of a ratio needs each report's ratio, which the query language does not compute",
                                 at: inner.range, hints: ["average the counts and divide: avg(granted) / avg(requests)"])
            }
            try expect(symbol: ")", "“)”")
            // The divisor stands for the whole `avg(…)`, so the formula's range is the text typed.
            let span = token.range.lowerBound..<tokens[position - 1].range.upperBound
            return .binary("/", inner, .name(NameRef(name: "reports", range: span)))
        case .word(let word) where word.lowercased() == "share" || word == "占比" || token.keyword == "share":
            try nest(token)
            defer { depth -= 1 }
            position += 1
            try expect(symbol: "(", "“(” after “\(word)”")
            let inner = try expression()
            try expect(symbol: ")", "“)”")
            return .share(inner, token.range.lowerBound..<tokens[position - 1].range.upperBound)
        case .word(let word) where tokens.indices.contains(position + 1) && tokens[position + 1].isSymbol("("):
            throw QueryError("unknown function “\(word)”", at: token.range,
                             hints: ["the functions are " + Catalog.functions.joined(separator: "; "),
                                     "ratios show as percentages already: `granted / requests as 公开率`"])
        case .word:
            return .name(try expectName("a metric"))
        default:
            throw QueryError("expected a metric, found \(token.describe)", at: token.range,
                             hints: ["“show metrics” lists them; e.g. `active by channel`"])
        }
    }

    // MARK: Conditions

    mutating func condition() throws(QueryError) -> Condition {
        var left = try conjunction()
        while accept(keyword: "or") {
            try chain(tokens[position - 1])
            left = .or(left, try conjunction())
        }
        return left
    }

    mutating func conjunction() throws(QueryError) -> Condition {
        var left = try negation()
        while accept(keyword: "and") {
            try chain(tokens[position - 1])
            left = .and(left, try negation())
        }
        return left
    }

    mutating func negation() throws(QueryError) -> Condition {
        skipNewlines()
        if current.keyword == "not" {
            try nest(current)
            defer { depth -= 1 }
            position += 1
            return .not(try negation())
        }
        if current.isSymbol("(") {
            try nest(current)
            defer { depth -= 1 }
            position += 1
            let inner = try condition()
            try expect(symbol: ")", "“)”")
            return inner
        }
        return try comparison()
    }

    mutating func comparison() throws(QueryError) -> Condition {
        let name = try expectName("a dimension to compare")
        skipNewlines()
        if let word = current.word, let negated = Catalog.nullWords[word] {
            position += 1
            return .isNull(name, negated: negated)
        }
        if current.keyword == "is" {
            position += 1
            skipNewlines()
            let negated = current.keyword == "not"
            if negated { position += 1; skipNewlines() }
            guard current.keyword == "null" else {
                throw QueryError("expected “null” after “is”, found \(current.describe)", at: current.range, hints: ["`county is null`, `county is not null` (为空, 不为空)"])
            }
            position += 1
            return .isNull(name, negated: negated)
        }
        var negated = false
        if current.keyword == "not" { negated = true; position += 1; skipNewlines() }
        if current.keyword == "in" {
            position += 1
            try expect(symbol: "(", "“(” after “in”")
            var values = [try value()]
            while accept(symbol: ",") { values.append(try value()) }
            try expect(symbol: ")", "“)” or “,” in the list")
            return .inList(name, values, negated: negated)
        }
        if current.keyword == "like" {
            position += 1
            return .like(name, try value(), negated: negated)
        }
        if current.keyword == "between", !negated {
            position += 1
            let low = try value()
            skipNewlines()
            guard current.keyword == "and" else {
                throw QueryError("expected “and” in “between … and …”, found \(current.describe)", at: current.range)
            }
            position += 1
            return .between(name, low, try value())
        }
        if negated {
            throw QueryError("expected “in” or “like” after “not”, found \(current.describe)", at: current.range)
        }
        guard case .symbol(let op) = current.kind, ["=", "!=", "<>", "<", "<=", ">", ">="].contains(op) else {
            throw QueryError("expected a comparison (=, !=, <, <=, >, >=, in, like) after “\(name.name)”, found \(current.describe)",
                             at: current.range)
        }
        position += 1
        let first = try value()
        if op == "=", accept(symbol: "..") {
            return .between(name, first, try value())
        }
        return .compare(name, op == "<>" ? "!=" : op, first)
    }

    mutating func value() throws(QueryError) -> Value {
        skipNewlines()
        let token = current
        switch token.kind {
        case .number(let number, let text):
            position += 1
            return Value(kind: .number(number, text: text), range: token.range)
        case .string(let text):
            position += 1
            return Value(kind: .string(text), range: token.range)
        case .word(let word) where !["and", "or", "not", "by", "where", "pivot", "order", "limit", "top"].contains(token.keyword ?? ""):
            position += 1
            return Value(kind: .word(word), range: token.range)
        case .symbol("-"):
            position += 1
            guard case .number(let number, let text) = current.kind else {
                throw QueryError("expected a number after “-”, found \(current.describe)", at: current.range)
            }
            let range = token.range.lowerBound..<advance().range.upperBound
            return Value(kind: .number(-number, text: "-" + text), range: range)
        default:
            throw QueryError("expected a value (a number, a word or a quoted string), found \(token.describe)", at: token.range)
        }
    }
}
