/// The query language, in stages, each with its own form (after PRQL's compiler):
///
/// 1. `Lexer`: text → tokens, each with its source range (character offsets). Bare CJK runs are
///    segmented into known names and keywords (`主动公开按渠道` → 主动公开 按 渠道) when that covers them.
/// 2. `Parser`: tokens → `StatementNode`s (the AST). One parse function per grammar rule; every loop
///    consumes a token or stops, so the parser always ends.
/// 3. `Resolver`: AST → `ResolvedQuery`: names looked up in the `Catalog` (English or Chinese), values
///    type-checked against their dimension, sources worked out; unknown names get suggestions.
/// 4. `SQLCompiler`: `ResolvedQuery` → `CompiledQuery` (SQL text + bound values). It never touches a
///    connection; a pivot needs its column values first, so it compiles in two steps.
///
/// Errors from every stage are `QueryError`s with a source range; `QueryError.render(source:)` turns the
/// range into a line, an underline aligned by display width, and the message.
///
/// Grammar (keywords in English, or their Chinese forms in `Catalog.chineseKeywords`: 按 条件 透视 排序 …):
///
///     script     := statement (";" | NEWLINE) statement …
///     statement  := "explain" statement | "sql" RAW | "show" WORD | "check" [WORD …] [where]
///                 | query
///     query      := measure ("," measure)* clause*   (each clause at most once, in any order)
///     clause     := "by" dims | where | "pivot" dim | "order" "by" order ("," order)* | "limit" NUMBER | "top" NUMBER
///     measure    := expr ["as" NAME]
///     expr       := term (("+" | "-") term)*      term := factor (("*" | "/") factor)*
///     factor     := NUMBER | NAME | "(" expr ")" | "-" factor
///     where      := "where" or       or := and ("or" and)*     and := not ("and" not)*
///     not        := "not" not | "(" or ")" | NAME compare
///     compare    := ("=" | "!=" | "<" | "<=" | ">" | ">=") value [".." value] | ["not"] "in" "(" value ("," value)* ")" | ["not"] "like" value
///                 | "between" value "and" value | "is" ["not"] "null" | "为空" | "不为空"
///     value      := NUMBER | STRING | WORD
public enum QueryLanguage {}
