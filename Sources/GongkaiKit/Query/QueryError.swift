/// An error in a statement: what was expected and what was found, where (a range of character offsets
/// into the source), and hints such as the nearest known names.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var range: Range<Int>
    public var hints: [String]

    public init(_ message: String, at range: Range<Int>, hints: [String] = []) {
        self.message = message
        self.range = range
        self.hints = hints
    }

    public var description: String { message }

    /// The line of the source that holds the error, an underline under the exact characters (aligned by
    /// display width: a CJK character takes two columns), then the message and any hints:
    ///
    ///     active by chanel
    ///               ^~~~~~
    ///     error: unknown dimension “chanel”; did you mean “channel”?
    /// `lineOffset`: lines before `source` in its file (piped input runs a file in pieces).
    public func render(source: String, origin: String? = nil, lineOffset: Int = 0) -> String {
        let characters = Array(source)
        let start = min(max(0, range.lowerBound), characters.count)
        let end = min(max(start, range.upperBound), characters.count)
        var lineStart = start
        while lineStart > 0, characters[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
        let lineNumber = characters[..<lineStart].filter { $0 == "\n" }.count + 1 + lineOffset
        let column = start - lineStart + 1
        // A very long line (a generated statement) is shown around the error, not whole.
        let shownStart = start - lineStart > 80 ? start - 60 : lineStart
        let shownEnd = lineEnd - start > 120 ? start + 100 : lineEnd
        let line = (shownStart > lineStart ? "…" : "") + String(characters[shownStart..<shownEnd]) + (shownEnd < lineEnd ? "…" : "")
        let before = DisplayWidth.of(String(characters[shownStart..<start])) + (shownStart > lineStart ? 1 : 0)
        let underlined = String(characters[start..<min(end, shownEnd)])
        let width = max(1, min(DisplayWidth.of(underlined), 100))
        var out = ""
        if let origin { out += "\(origin):\(lineNumber):\(column): " } else if source.contains("\n") || lineOffset > 0 { out += "line \(lineNumber), column \(column): " }
        out += "error: \(message)\n"
        out += line + "\n"
        out += String(repeating: " ", count: before) + "^" + String(repeating: "~", count: width - 1) + "\n"
        for hint in hints { out += "hint: \(hint)\n" }
        return out
    }

    /// Line and column (1-based, in characters) of the error's start.
    public func position(in source: String) -> (line: Int, column: Int) {
        let characters = Array(source)
        let start = min(max(0, range.lowerBound), characters.count)
        var line = 1, column = 1
        for character in characters[..<start] {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
