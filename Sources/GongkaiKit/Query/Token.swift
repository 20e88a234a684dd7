/// A token and where it stands in the source (character offsets, end exclusive).
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case word(String)
        case number(Double, text: String)
        case string(String)
        case symbol(String)
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

    /// The word, lowercased when ASCII, for keyword comparison.
    public var keyword: String? { word.map { $0.lowercased() } }

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
        case .newline: return "the end of the line"
        case .semicolon: return "“;”"
        case .end: return "the end of the statement"
        }
    }
}
