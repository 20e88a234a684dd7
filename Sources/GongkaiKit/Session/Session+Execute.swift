/// Statements a session understands. Until the query language lands, only `sql …` (raw SQL passthrough).
extension Session {
    public func execute(_ text: String) throws -> Output {
        let trimmed = text.trimmingSpaces
        if trimmed.lowercased().hasPrefix("sql"), trimmed.dropFirst(3).first.map(MatchKey.isSpace) ?? false {
            return try runSQL(String(trimmed.dropFirst(3)))
        }
        throw StoreError(message: "only `sql …` statements are understood so far: \(trimmed)")
    }
}
