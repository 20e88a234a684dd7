/// Tab completion by context: meta-commands after `.`, file paths after `.load`/`.read`/…, the values of
/// a dimension present in the loaded data after `=` or `in (`, dimension names after `by`/`按`/`where`/
/// `pivot`, metric names and statement keywords elsewhere — English and Chinese names alike. A unique
/// candidate is completed (with a space after it); several are narrowed to their common prefix, or listed.
public struct Completer {
    public struct Result: Equatable {
        public var insert: String
        public var candidates: [String]
    }

    let session: Session
    public init(session: Session) { self.session = session }

    public func complete(_ line: String, cursor: Int) -> Result {
        let characters = Array(line)
        let before = Array(characters.prefix(cursor))
        let beforeText = String(before)
        // Meta-commands and their file arguments.
        if beforeText.hasPrefix(".") {
            let words = beforeText.split(separator: " ", omittingEmptySubsequences: false)
            if words.count == 1 { return finish(partial: beforeText, candidates: Shell.metaCommands) }
            let command = String(words[0]).lowercased()
            let partial = String(words.last ?? "")
            switch command {
            case ".load", ".read", ".once", ".output", ".save": return paths(partial)
            case ".mode", ".format": return finish(partial: partial, candidates: OutputFormat.allCases.map(\.rawValue))
            case ".sql", ".timer", ".bom": return finish(partial: partial, candidates: ["on", "off"])
            case ".help": return finish(partial: partial, candidates: HelpText.topics)
            case ".schema": return finish(partial: partial, candidates: Schema.tables + Schema.views)
            default: return Result(insert: "", candidates: [])
            }
        }
        var start = before.count
        while start > 0, Lexer.isWordPart(before[start - 1]) || before[start - 1] == "%" { start -= 1 }
        let partial = String(before[start...])
        let context = (try? Lexer(String(before[..<start])).tokens()) ?? []
        return finish(partial: partial, candidates: candidates(after: context.filter { $0.kind != .newline && $0.kind != .end }))
    }

    func candidates(after tokens: [Token]) -> [String] {
        let keywords = ["by", "where", "pivot", "order", "limit", "and", "or", "not", "in", "like", "as", "desc"]
        let metricNames = Catalog.metrics.flatMap { [$0.name, $0.chinese] }
        let dimensionNames = Catalog.dimensions.flatMap { [$0.name, $0.chinese] }
        guard let last = tokens.last else { return metricNames + ["explain", "sql", "show", "check"] }
        if last.kind == .semicolon { return metricNames + ["explain", "sql", "show", "check"] }
        if let dimension = dimensionBeforeValue(tokens) { return values(of: dimension) }
        switch last.keyword {
        case "by", "按", "pivot", "where", "and", "or", "not":
            if tokens.count >= 2, tokens[tokens.count - 2].keyword == "order" { return dimensionNames + metricNames }
            return dimensionNames
        case "show": return ["metrics", "dimensions", "reports", "rules"]
        case "check": return AuditRules.all.map(\.id) + ["where"]
        case "explain": return metricNames + ["sql", "check"]
        case "order": return ["by"]
        default: break
        }
        if last.isSymbol(",") {
            // In a by-list or an order-by list: dimensions; in the metric list: metrics.
            let clause = tokens.last { ["by", "按", "where", "pivot", "order"].contains($0.keyword ?? "") }
            return clause == nil ? metricNames : dimensionNames + metricNames
        }
        if last.isSymbol("(") || last.isSymbol("+") || last.isSymbol("-") || last.isSymbol("*") || last.isSymbol("/") { return metricNames }
        if last.word != nil || last.kind != .end { return keywords + metricNames + dimensionNames }
        return keywords
    }

    /// The dimension whose value is being typed: `dim =`, `dim !=`, `dim in (a, `…
    func dimensionBeforeValue(_ tokens: [Token]) -> Catalog.Dimension? {
        var index = tokens.count - 1
        if tokens[index].isSymbol(",") || tokens[index].isSymbol("(") {
            // Inside an in-list: walk back to `in`.
            while index >= 0, tokens[index].keyword != "in" {
                if tokens[index].isSymbol(")") || tokens[index].keyword == "where" { return nil }
                index -= 1
            }
            guard index >= 1 else { return nil }
            let nameIndex = tokens[index - 1].keyword == "not" ? index - 2 : index - 1
            guard nameIndex >= 0, let name = tokens[nameIndex].word else { return nil }
            return Catalog.dimension(named: name)
        }
        guard case .symbol(let op) = tokens[index].kind, ["=", "!=", "<>", "<", ">", "<=", ">="].contains(op), index >= 1,
              let name = tokens[index - 1].word else { return nil }
        return Catalog.dimension(named: name)
    }

    /// The dimension's values: its closed set, or what the loaded data holds.
    func values(of dimension: Catalog.Dimension) -> [String] {
        if let values = dimension.values { return values }
        let column = dimension.column.dropFirst(2)
        let table = dimension.source.flatMap { Catalog.table($0, applicantColumns: dimension.name == "applicant") } ?? "report"
        let sql = "SELECT DISTINCT \(column) FROM \(table) WHERE \(column) IS NOT NULL ORDER BY 1 LIMIT 500"
        let rows = (try? session.database.query(sql).rows) ?? []
        return rows.compactMap { $0.first.map { CellFormatting.text($0) } }
    }

    func paths(_ partial: String) -> Result {
        let slash = partial.lastIndex(of: "/")
        let directory = slash.map { String(partial[...$0]) } ?? ""
        let prefix = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let listing = FileBytes.entries(in: directory.isEmpty ? "." : directory)
        let names = listing.filter { !$0.name.hasPrefix(".") || prefix.hasPrefix(".") }.map { $0.name + ($0.isDirectory ? "/" : "") }
        var result = finish(partial: prefix, candidates: names)
        if result.insert.hasSuffix("/ ") { result.insert.removeLast() }
        return result
    }

    func finish(partial: String, candidates: [String]) -> Result {
        let lower = partial.lowercased()
        let matches = Array(Set(candidates.filter { $0.lowercased().hasPrefix(lower) })).sorted()
        guard !matches.isEmpty else { return Result(insert: "", candidates: []) }
        if matches.count == 1 { return Result(insert: String(matches[0].dropFirst(partial.count)) + " ", candidates: []) }
        var common = Array(matches[0])
        for match in matches.dropFirst() {
            let characters = Array(match)
            var length = 0
            while length < min(common.count, characters.count), common[length] == characters[length] { length += 1 }
            common = Array(common.prefix(length))
        }
        if common.count > partial.count { return Result(insert: String(common.dropFirst(partial.count)), candidates: []) }
        return Result(insert: "", candidates: matches)
    }
}
