/// Tokens → statements. One function per grammar rule (see `QueryLanguage`); each loop consumes a token
/// or leaves, so parsing always ends. A line end ends a statement unless the statement cannot end there
/// (after `,`, an operator or a keyword that needs more) or the next line starts with a clause keyword
/// (`by`, `按`, `where`, `pivot`, `order`, `limit`, `and`, `or`, `as`): statements may span lines.
public struct Parser {
    let source: [Character]
    var tokens: [Token]
    var position = 0
    /// How deep the rules are nested now, and operators chained in the statement (`Limits.queryNesting`).
    var depth = 0
    var operators = 0

    static let continuationWords: Set<String> = ["by", "按", "where", "pivot", "order", "limit", "top", "and", "or", "as", "asc", "desc", "in", "like"]

    public init(_ source: String) {
        self.source = source.map(Lexer.fold)
        tokens = Lexer(source).tokens()
    }

    /// Every statement of a script; stops at the first error.
    public static func parse(_ source: String) throws(QueryError) -> [ParsedStatement] {
        var statements: [ParsedStatement] = []
        for item in try parseRecovering(source) {
            switch item {
            case .success(let statement): statements.append(statement)
            case .failure(let error): throw error
            }
        }
        return statements
    }

    /// Every statement of a script, an error in one not stopping the others: after an error the parser
    /// skips to the end of that statement (a `;`, or a line end that ends it) and goes on.
    public static func parseRecovering(_ source: String) -> [Result<ParsedStatement, QueryError>] {
        var parser = Parser(source)
        return parser.script()
    }

    mutating func script() -> [Result<ParsedStatement, QueryError>] {
        var results: [Result<ParsedStatement, QueryError>] = []
        while true {
            while current.kind == .newline || current.kind == .semicolon { position += 1 }
            if current.kind == .end { break }
            let start = current.range.lowerBound
            let before = position
            do throws(QueryError) {
                depth = 0
                operators = 0
                let node = try statement()
                let end = tokens[max(0, position - 1)].range.upperBound
                if !atStatementEnd {
                    throw QueryError("expected the end of the statement, found \(current.describe)", at: current.range,
                                     hints: ["separate statements with “;” or a new line"])
                }
                if let error = lexerError(in: before..<position) { throw error }
                let range = start..<max(start, end)
                results.append(.success(ParsedStatement(node: node, range: range, text: String(source[range]), name: name(before: start))))
            } catch {
                if position == before { position += 1 }
                while current.kind != .end, current.kind != .semicolon, !(current.kind == .newline && atStatementEnd) { position += 1 }
                // What the lexer could not read explains the statement's failure better than what the
                // parser expected in its place.
                results.append(.failure(lexerError(in: before..<position) ?? error))
            }
        }
        return results
    }

    /// The first error the lexer left among these tokens.
    func lexerError(in span: Range<Int>) -> QueryError? {
        for token in tokens[span.clamped(to: tokens.indices)] {
            if case .invalid(let error) = token.kind { return error }
        }
        return nil
    }

    /// `-- name: channels per township` on the line(s) just above a statement.
    func name(before offset: Int) -> String? {
        var lineEnd = offset
        while lineEnd > 0, source[lineEnd - 1] != "\n" { lineEnd -= 1 }
        guard lineEnd > 0 else { return nil }
        var lineStart = lineEnd - 1
        while lineStart > 0, source[lineStart - 1] != "\n" { lineStart -= 1 }
        let line = String(source[lineStart..<lineEnd - 1]).trimmingSpaces
        guard line.hasPrefix("--") else { return nil }
        let comment = line.dropFirst(2).trimmingSpaces
        guard comment.lowercased().hasPrefix("name:") else { return nil }
        let name = comment.dropFirst(5).trimmingSpaces
        return name.isEmpty ? nil : name
    }

    // MARK: Token access

    var current: Token { tokens[min(position, tokens.count - 1)] }

    /// The next token that is not a line end.
    var significant: Token {
        var index = position
        while index < tokens.count - 1, tokens[index].kind == .newline { index += 1 }
        return tokens[index]
    }

    mutating func skipNewlines() {
        while current.kind == .newline { position += 1 }
    }

    /// True where the statement ends: `;`, the end, or a line end not followed by a continuation.
    var atStatementEnd: Bool {
        switch current.kind {
        case .end, .semicolon: return true
        case .newline:
            let next = significant
            if let word = next.keyword, Self.continuationWords.contains(word) { return false }
            if next.isSymbol(",") || next.isSymbol("..") { return false }
            return true
        default: return false
        }
    }

    /// The next token if the statement goes on, else nil (without consuming a line end that ends it).
    mutating func continuing() -> Token? {
        if atStatementEnd { return nil }
        skipNewlines()
        return current
    }

    /// Entered before a rule that nests (parentheses, `not`, a sign): a statement nested deeper than
    /// the limit is an error, not a stack overflow here, in the resolver or in SQLite's parser.
    mutating func nest(_ at: Token) throws(QueryError) {
        depth += 1
        if depth > Limits.queryNesting {
            throw QueryError("the statement nests more than \(Limits.queryNesting) levels", at: at.range)
        }
    }

    /// Counted for each operator chained (`a + b + …`, `x or y or …`): the tree they build is as deep.
    mutating func chain(_ at: Token) throws(QueryError) {
        operators += 1
        if operators > Limits.queryNesting {
            throw QueryError("the statement chains more than \(Limits.queryNesting) operators", at: at.range,
                             hints: ["a long list of values belongs in `in (…)`: where township in (a, b, c)"])
        }
    }

    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func accept(keyword: String) -> Bool {
        guard let token = continuing(), token.keyword == keyword else { return false }
        position += 1
        return true
    }

    mutating func accept(symbol: String) -> Bool {
        guard let token = continuing(), token.isSymbol(symbol) else { return false }
        position += 1
        return true
    }

    mutating func expect(symbol: String, _ what: String) throws(QueryError) {
        skipNewlines()
        guard current.isSymbol(symbol) else {
            throw QueryError("expected \(what), found \(current.describe)", at: current.range)
        }
        position += 1
    }

    mutating func expectName(_ what: String) throws(QueryError) -> NameRef {
        skipNewlines()
        guard let word = current.word else {
            throw QueryError("expected \(what), found \(current.describe)", at: current.range)
        }
        if Catalog.keywords.contains(word.lowercased()) || Catalog.chineseKeywords[word] != nil {
            throw QueryError("expected \(what), found the keyword “\(word)”", at: current.range)
        }
        position += 1
        return NameRef(name: word, range: tokens[position - 1].range)
    }
}
