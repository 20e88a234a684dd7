import CSQLite

/// Where the raw SQL after `sql` ends. The text is SQLite's, not the query language's: it is never run
/// through gongkai's lexer (`||`, `%`, `[name]`, `` `name` ``, `?1` and `--` comments are SQL), and where
/// it ends is decided as SQLite's own shell decides it. Quotes (`'…'` with `''`, `"…"`, `` `…` ``,
/// `[…]`) and comments (`-- …`, `/* … */`) are skipped; a `;` outside them ends the statement when
/// `sqlite3_complete` agrees (a `CREATE TRIGGER … BEGIN …; END;` body holds `;`s that do not). A
/// full-width `；` (what a Chinese input method types) ends it too, and so does a blank line, so a
/// statement typed in the REPL without `;` still ends.
enum RawSQLScanner {
    struct Extent {
        /// The index just past the SQL text (the terminator, if any, is not included).
        var end: Int
        /// True when the text ended inside a quote, a comment or a trigger body.
        var open: Bool
    }

    static func scan(_ characters: [Character], from start: Int) -> Extent {
        var index = start
        var mayBeTrigger = false
        var word = ""
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'", "\"", "`", "[":
                let close: Character = character == "[" ? "]" : character
                index += 1
                while index < characters.count, characters[index] != close { index += 1 }
                guard index < characters.count else { return Extent(end: index, open: true) }
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            case "/" where index + 1 < characters.count && characters[index + 1] == "*":
                index += 2
                while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == "/") { index += 1 }
                guard index + 1 < characters.count else { return Extent(end: characters.count, open: true) }
                index += 1
            case ";", "；":
                // Only a trigger body has `;`s inside a statement; ask SQLite only then.
                if !mayBeTrigger || isCompleteSQL(String(characters[start...index]).replacing("；", with: ";")) {
                    return Extent(end: index, open: false)
                }
            case "\n", "\r\n":
                var next = index + 1
                while next < characters.count, characters[next] == " " || characters[next] == "\t" || characters[next] == "\r" { next += 1 }
                if next < characters.count, characters[next] == "\n" || characters[next] == "\r\n" { return Extent(end: index, open: mayBeTrigger) }
            default:
                if character.isLetter { word.append(character) }
            }
            if !character.isLetter, !word.isEmpty {
                if word.lowercased() == "trigger" { mayBeTrigger = true }
                word = ""
            }
            index += 1
        }
        return Extent(end: index, open: mayBeTrigger && !isCompleteSQL(String(characters[start...]) + ";"))
    }

    static func isCompleteSQL(_ text: String) -> Bool {
        sqlite3_complete(text) != 0
    }
}
