/// A token and where it stands in the source (character offsets, end exclusive).
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case word(String)
        case number(Double, text: String)
        case string(String)
        case symbol(String)
        /// The raw text after `sql`, exactly as typed, up to where SQLite's own tokenizer says the statement
        /// ends (see `RawSQLScanner`). `open` when the input ended inside a string, comment or trigger body.
        case rawSQL(String, open: Bool)
        /// What the lexer could not read (a stray character, an unterminated string). The parser reports it
        /// for the statement it stands in, and only that statement is lost.
        case invalid(QueryError)
        /// A line end that may end a statement (the parser decides).
        case newline
        case semicolon
        case end
    }

    public var kind: Kind
    public var range: Range<Int>

    public var word: String? {
        if case .word(let text) = kind { return text }
        return nil
    }

    /// The word, lowercased when ASCII, for keyword comparison; a Chinese keyword as its English one.
    public var keyword: String? { word.map { Catalog.chineseKeywords[$0] ?? $0.lowercased() } }

    public func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let text) = kind { return text == symbol }
        return false
    }

    public var describe: String {
        switch kind {
        case .word(let text): return "“\(text)”"
        case .number(_, let text): return "the number \(text)"
        case .string(let text): return "the string \"\(text)\""
        case .symbol(let text): return "“\(text)”"
        case .rawSQL: return "SQL text"
        case .invalid(let error): return error.message
        case .newline: return "the end of the line"
        case .semicolon: return "“;”"
        case .end: return "the end of the statement"
        }
    }
}
