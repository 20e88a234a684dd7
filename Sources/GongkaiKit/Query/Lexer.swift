/// Text → tokens. Full-width punctuation (`，（）；＝`) and digits are read as their ASCII forms; Chinese
/// quotes delimit strings (a doubled quote inside stands for one); `--` starts a comment. A run of CJK
/// characters that is not itself a known name is split into known names and keywords when they cover it
/// exactly (`主动公开按渠道`), so Chinese can be typed without spaces. After `sql` at the start of a
/// statement the text is SQLite's: one `rawSQL` token, exactly as typed (see `RawSQLScanner`).
///
/// The lexer never stops at an error: what it cannot read becomes an `invalid` token carrying the error,
/// and lexing goes on, so one stray character costs the statement it stands in, not the script.
public struct Lexer {
    /// The source as typed (raw SQL is taken from here).
    let original: [Character]
    /// The source with full-width forms folded to ASCII, index for index.
    let characters: [Character]
    let vocabulary: Set<String>
    let longestWord: Int

    public init(_ source: String, vocabulary: Set<String> = Catalog.segmentableWords) {
        original = Array(source)
        characters = original.map(Lexer.fold)
        self.vocabulary = vocabulary
        longestWord = vocabulary.map(\.count).max() ?? 1
    }

    static func fold(_ character: Character) -> Character {
        switch character {
        case "（": return "("
        case "）": return ")"
        case "，", "、": return ","
        case "；": return ";"
        case "＝": return "="
        case "＜": return "<"
        case "＞": return ">"
        case "！": return "!"
        case "＋": return "+"
        case "－": return "-"
        case "＊": return "*"
        case "／": return "/"
        case "．": return "."
        case "\u{3000}": return " "
        case "\r\n": return "\n"
        default:
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               (0xFF10...0xFF19).contains(scalar.value), let digit = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) {
                return Character(digit)
            }
            return character
        }
    }

    public func tokens() -> [Token] {
        var tokens: [Token] = []
        var index = 0
        /// True where a statement may begin: `sql` there starts raw SQL.
        var atStatementStart = true
        while index < characters.count {
            let character = characters[index]
            let start = index
            let countBefore = tokens.count
            if character == "\n" || character == "\r" {
                tokens.append(Token(kind: .newline, range: start..<start + 1))
                index += 1
            } else if character.isWhitespace {
                index += 1
                continue
            } else if character == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            } else if character == ";" {
                tokens.append(Token(kind: .semicolon, range: start..<start + 1))
                index += 1
            } else if character.isASCIIDigitish {
                while index < characters.count, characters[index].isASCIIDigitish { index += 1 }
                if index + 1 < characters.count, characters[index] == ".", characters[index + 1].isASCIIDigitish {
                    index += 1
                    while index < characters.count, characters[index].isASCIIDigitish { index += 1 }
                }
                let text = String(characters[start..<index])
                // `2021年` (and `2021年度`) is the year 2021, as a Chinese speaker writes it.
                if index - start == 4, index < characters.count, characters[index] == "年",
                   !(index + 1 < characters.count && characters[index + 1] == "份") {
                    index += index + 1 < characters.count && characters[index + 1] == "度" ? 2 : 1
                }
                tokens.append(Token(kind: .number(Double(text) ?? 0, text: text), range: start..<index))
            } else if let close = Self.closingQuote[character] {
                index += 1
                var text = ""
                var closed = false
                while index < characters.count, characters[index] != "\n" {
                    if characters[index] == close {
                        // A doubled quote inside stands for one quote, as in SQL.
                        guard index + 1 < characters.count, characters[index + 1] == close else { closed = true; break }
                        index += 1
                    }
                    text.append(characters[index])
                    index += 1
                }
                if closed {
                    index += 1
                    tokens.append(Token(kind: .string(text), range: start..<index))
                } else {
                    let error = QueryError("unterminated string: expected a closing \(close)", at: start..<index,
                                           hints: ["strings are quoted '…', \"…\" or “…”; a bare Chinese word needs no quotes"])
                    tokens.append(Token(kind: .invalid(error), range: start..<index))
                }
            } else if Self.isWordStart(character) {
                while index < characters.count, Self.isWordPart(characters[index]) { index += 1 }
                if atStatementStart, String(characters[start..<index]).lowercased() == "sql" {
                    tokens.append(Token(kind: .word(String(characters[start..<index])), range: start..<index))
                    let extent = RawSQLScanner.scan(original, from: index)
                    tokens.append(Token(kind: .rawSQL(String(original[index..<extent.end]), open: extent.open), range: index..<extent.end))
                    index = extent.end
                    atStatementStart = false
                    continue
                }
                tokens += word(start..<index)
            } else if let symbol = symbol(at: index) {
                tokens.append(Token(kind: .symbol(symbol), range: start..<start + symbol.count))
                index += symbol.count
            } else {
                let hint = Self.sqlOnlySymbols.contains(character) ? ["“\(character)” is SQL, not the query language: raw SQL goes after `sql`"] : []
                let error = QueryError("unexpected character “\(character)”", at: start..<start + 1, hints: hint)
                tokens.append(Token(kind: .invalid(error), range: start..<start + 1))
                index += 1
            }
            if let last = tokens.last, tokens.count > countBefore {
                switch last.kind {
                case .newline, .semicolon: atStatementStart = true
                case .word(let word): atStatementStart = word.lowercased() == "explain" && atStatementStart
                default: atStatementStart = false
                }
            }
        }
        tokens.append(Token(kind: .end, range: characters.count..<characters.count))
        return tokens
    }

    /// Characters that mean something in SQL but not in the query language.
    static let sqlOnlySymbols: Set<Character> = ["|", "&", "~", "[", "]", "`", "?"]

    static let closingQuote: [Character: Character] = ["'": "'", "\"": "\"", "“": "”", "‘": "’", "「": "」", "『": "』"]
    static let symbols = ["..", "!=", "<>", "<=", ">=", "=", "<", ">", ",", "(", ")", "+", "-", "*", "/", "."]

    func symbol(at index: Int) -> String? {
        for symbol in Self.symbols {
            let length = symbol.count
            guard index + length <= characters.count else { continue }
            if String(characters[index..<index + length]) == symbol { return symbol }
        }
        return nil
    }

    /// `%` belongs to words so a `like` pattern needs no quotes (`where 区县 like 西山%`).
    static func isWordStart(_ character: Character) -> Bool {
        character == "_" || character == "%" || character.isLetter
    }

    static func isWordPart(_ character: Character) -> Bool {
        character == "_" || character == "%" || character.isLetter || character.isASCIIDigitish || character.isNumber
    }

    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return scalar.value >= 0x2E80
    }

    /// One word, or several when a CJK run splits exactly into known names and keywords.
    func word(_ range: Range<Int>) -> [Token] {
        let text = String(characters[range])
        guard !vocabulary.contains(text), characters[range].allSatisfy(Self.isCJK), let pieces = segment(range) else {
            return [Token(kind: .word(text), range: range)]
        }
        return pieces.map { Token(kind: .word(String(characters[$0])), range: $0) }
    }

    /// Longest-match-first segmentation that covers the whole run, or nil. Worked out from the end of
    /// the run backwards (which suffixes can be covered, and by which first word), so a long run costs
    /// time linear in its length and no recursion.
    func segment(_ range: Range<Int>) -> [Range<Int>]? {
        if range.isEmpty { return [] }
        let count = range.count
        // firstWord[i]: the length of the longest word starting at offset i whose rest can be covered.
        var firstWord = [Int](repeating: 0, count: count + 1)
        var covered = [Bool](repeating: false, count: count + 1)
        covered[count] = true
        for offset in stride(from: count - 1, through: 0, by: -1) {
            var length = min(longestWord, count - offset)
            while length > 0 {
                let start = range.lowerBound + offset
                if covered[offset + length], vocabulary.contains(String(characters[start..<start + length])) {
                    firstWord[offset] = length
                    covered[offset] = true
                    break
                }
                length -= 1
            }
        }
        guard covered[0] else { return nil }
        var pieces: [Range<Int>] = []
        var offset = 0
        while offset < count {
            let start = range.lowerBound + offset
            pieces.append(start..<start + firstWord[offset])
            offset += firstWord[offset]
        }
        return pieces
    }
}
