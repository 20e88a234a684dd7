/// Text → tokens. Full-width punctuation (`，（）；＝`) and digits are read as their ASCII forms; Chinese
/// quotes delimit strings; `--` starts a comment. A run of CJK characters that is not itself a known
/// name is split into known names and keywords when they cover it exactly (`主动公开按渠道`), so Chinese
/// can be typed without spaces.
public struct Lexer {
    let characters: [Character]
    let vocabulary: Set<String>
    let longestWord: Int

    public init(_ source: String, vocabulary: Set<String> = Catalog.segmentableWords) {
        characters = source.map(Lexer.fold)
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

    public func tokens() throws(QueryError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character == "\n" || character == "\r" {
                tokens.append(Token(kind: .newline, range: start..<start + 1))
                index += 1
            } else if character.isWhitespace {
                index += 1
            } else if character == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
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
                tokens.append(Token(kind: .number(Double(text) ?? 0, text: text), range: start..<index))
            } else if let close = Self.closingQuote[character] {
                index += 1
                var text = ""
                while index < characters.count, characters[index] != close {
                    if characters[index] == "\n" { break }
                    // A doubled quote inside stands for one quote, as in SQL.
                    if characters[index] == close, index + 1 < characters.count, characters[index + 1] == close { index += 1 }
                    text.append(characters[index])
                    index += 1
                }
                guard index < characters.count, characters[index] == close else {
                    throw QueryError("unterminated string: expected a closing \(close)", at: start..<index,
                                     hints: ["strings are quoted '…', \"…\" or “…”; a bare Chinese word needs no quotes"])
                }
                index += 1
                tokens.append(Token(kind: .string(text), range: start..<index))
            } else if Self.isWordStart(character) {
                while index < characters.count, Self.isWordPart(characters[index]) { index += 1 }
                tokens += word(start..<index)
            } else if let symbol = symbol(at: index) {
                tokens.append(Token(kind: .symbol(symbol), range: start..<start + symbol.count))
                index += symbol.count
            } else {
                throw QueryError("unexpected character “\(character)”", at: start..<start + 1)
            }
        }
        tokens.append(Token(kind: .end, range: characters.count..<characters.count))
        return tokens
    }

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

    static func isWordStart(_ character: Character) -> Bool {
        character == "_" || character.isLetter
    }

    static func isWordPart(_ character: Character) -> Bool {
        character == "_" || character.isLetter || character.isASCIIDigitish || character.isNumber
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

    /// Greedy longest-match segmentation with backtracking; nil unless it covers the whole run.
    func segment(_ range: Range<Int>) -> [Range<Int>]? {
        if range.isEmpty { return [] }
        var length = min(longestWord, range.count)
        while length > 0 {
            let candidate = range.lowerBound..<range.lowerBound + length
            if vocabulary.contains(String(characters[candidate])), let rest = segment(candidate.upperBound..<range.upperBound) {
                return [candidate] + rest
            }
            length -= 1
        }
        return nil
    }
}
