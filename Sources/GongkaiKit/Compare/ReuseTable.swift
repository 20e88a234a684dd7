/// `text_reuse`: for each report whose body has a report of the year before (the same link as the audit's
/// `carry_over`), how much of its sections 一/五/六 repeats that report's (`TextReuse`), per section and for
/// the whole. Worked out again on first use after a load (like the audit's findings): a load only marks it
/// stale, so loading pays nothing for it.
public enum ReuseTable {
    static let staleKey = "text_reuse_stale"

    static func markStale(_ database: Database) throws {
        try database.execute("INSERT OR REPLACE INTO gongkai_state (key, value) VALUES (?1, '1')", [.text(staleKey)])
    }

    static func isStale(_ database: Database) -> Bool {
        (try? database.scalar("SELECT value FROM gongkai_state WHERE key = ?1", [.text(staleKey)]))??.string == "1"
    }

    /// Rebuilds the table when a load changed the reports since it was built; how many pairs it measured
    /// (nil when it was current).
    @discardableResult
    public static func ensureCurrent(_ database: Database) throws -> Int? {
        guard isStale(database) else { return nil }
        let pairs = try rebuild(database)
        try database.execute("DELETE FROM gongkai_state WHERE key = ?1", [.text(staleKey)])
        return pairs
    }

    /// The benchmark's entry: every pair measured anew, whatever the state.
    public static func rebuildForBenchmark(_ database: Database) throws -> Int { try rebuild(database) }

    /// Every consecutive pair measured anew.
    static func rebuild(_ database: Database) throws -> Int {
        let pairs = try database.query("""
            SELECT r.id, p.id FROM report r \(AuditSQL.previousYear)
            ORDER BY r.id, p.id
            """).rows.compactMap { row -> (Int64, Int64)? in
                guard case .integer(let a) = row[0], case .integer(let b) = row[1] else { return nil }
                return (a, b)
            }
        var texts: [Int64: [Int: String]] = [:]
        let ids = Set(pairs.flatMap { [$0.0, $0.1] })
        if !ids.isEmpty {
            let statement = try database.prepare("SELECT report_id, section, body FROM narrative WHERE section IN (1, 5, 6)")
            _ = try statement.forEachRow([]) { row in
                guard case .integer(let id) = row[0], ids.contains(id), case .integer(let section) = row[1], let body = row[2].string else { return }
                texts[id, default: [:]][Int(section), default: ""] += body + "\n"
            }
        }
        // Each report's text made ready once (it is the newer side of one pair and the older of another),
        // then the pairs measured — both on every core: they are independent.
        let reports = Array(ids)
        let position = Dictionary(uniqueKeysWithValues: reports.enumerated().map { ($0.element, $0.offset) })
        let read = texts
        // Below 64 pairs a thread costs more than it saves.
        let workers = max(1, min(System.activeProcessors, pairs.count / 64))
        let prepared = Parallel.map(reports.count, workers: workers) { TextReuse.Text(read[reports[$0]] ?? [:]) }
        let measured = Parallel.map(pairs.count, workers: workers) { index in
            TextReuse.compare(newer: prepared[position[pairs[index].0]!], older: prepared[position[pairs[index].1]!])
        }
        try database.transaction {
            try database.execute("DELETE FROM text_reuse")
            let insert = try database.prepare("INSERT INTO text_reuse (report_id, previous_id, section, characters, repeated, rate) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            for ((report, previous), measures) in zip(pairs, measured) {
                for (section, measure) in measures {
                    try insert.run([.integer(report), .integer(previous), .text(section), .integer(Int64(measure.characters)),
                                    .integer(Int64(measure.repeated)), measure.rate.map(DatabaseValue.real) ?? .null])
                }
            }
        }
        return pairs.count
    }
}
