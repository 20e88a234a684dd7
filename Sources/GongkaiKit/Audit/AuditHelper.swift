import CSQLite
import Foundation

/// The audit on two cores. SQLite runs a statement on one thread, so an audit of a national `--db` used
/// one core of two while its rules took seconds each. A second, read-only connection to the same file
/// runs rules beside the connection that writes the findings: the helper takes rules from the front of
/// the list and hands back their rows, the writer takes them from the back and inserts its own, and the
/// two meet wherever the rules' costs put them. The helper's rows are inserted afterwards, each rule's in
/// the order its SQL gives them, so every listing of findings (ordered by rule, then by insertion) is
/// what one connection running the rules in turn prints.
///
/// Only for a database file (an in-memory database is one connection's own) and a scope of
/// `Limits.auditHelperReports` reports or more (two reports for `compare` are done before a connection
/// opens). A helper that cannot open or fails hands its rules back: the writer runs them.
final class AuditHelper: @unchecked Sendable {
    private let lock = NSLock()
    private let rules: [AuditRule]
    private var front = 0
    private var back: Int
    /// Rows of each rule the helper finished, by the rule's index; and the rules it took and did not.
    private var finished: [(index: Int, rows: [[DatabaseValue]])] = []
    private var handedBack: [Int] = []
    private var cancelled = false
    /// The helper's connection while it works, for `cancel` to interrupt.
    private var connection: Database?
    private let done = DispatchSemaphore(value: 0)

    /// The first rule is the helper's from the start (whichever thread is quicker off the mark).
    private init(rules: [AuditRule]) {
        self.rules = rules
        front = 1
        back = rules.count
    }

    /// Runs `rules` over the reports `selection` picks, on `database` (inside its transaction, with
    /// `temp.audit_scope` filled) and on a helper connection when one is worth opening (`helperFrom`
    /// reports: the limit, or less in a test). `first` runs on `database` before its rules (clearing the
    /// old findings) while the helper has started. The number of rules the helper ran.
    @discardableResult
    static func run(_ rules: [AuditRule], on database: Database, selection: CompiledQuery, scopeSize: Int,
                    helperFrom: Int = Limits.auditHelperReports, first: () throws -> Void) throws -> Int {
        guard rules.count > 1, scopeSize >= helperFrom, let path = database.filePath else {
            try first()
            for rule in rules { try database.execute(rule.sql) }
            return 0
        }
        let helper = AuditHelper(rules: rules)
        Thread.detachNewThread { helper.work(path: path, selection: selection, scopeSize: scopeSize) }
        // Whatever happens here, the helper is waited for: its connection reads the file this one writes.
        var ownError: Error?
        do {
            try first()
            while let index = helper.takeBack() { try database.execute(rules[index].sql) }
        } catch {
            ownError = error
            helper.cancel()
        }
        helper.done.wait()
        if let ownError { throw ownError }
        let insert = try database.prepare(AuditSQL.insert + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        for (_, rows) in helper.finished.sorted(by: { $0.index < $1.index }) {
            for row in rows {
                try insert.run(row)
                insert.reset()
            }
        }
        for index in helper.handedBack.sorted() { try database.execute(rules[index].sql) }
        return helper.finished.count
    }

    /// The helper's side: its own connection and scope, then rules from the front until none is left.
    /// A scope of another size than the writer's means another database than the writer's (the file
    /// replaced since it was opened): the helper runs nothing.
    private func work(path: String, selection: CompiledQuery, scopeSize: Int) {
        defer { done.signal() }
        var current: Int? = 0
        do {
            // The writer holds its transaction open until the helper is done; were it to need the file
            // to itself before then (its page cache spilling), waiting for it would stall both for the
            // lock's 30 s: the helper gives up at once and hands its rule back instead.
            let connection = try Database(path: path, readOnly: true, waitsForLocks: false)
            lock.withLock { self.connection = connection }
            defer { lock.withLock { self.connection = nil } }
            if lock.withLock({ cancelled }) { return }
            try connection.execute("CREATE TEMP TABLE audit_scope (id INTEGER PRIMARY KEY)")
            try connection.execute("INSERT INTO temp.audit_scope " + selection.sql, selection.values)
            guard try connection.scalar("SELECT count(*) FROM temp.audit_scope") == .integer(Int64(scopeSize)) else {
                throw DatabaseError(code: SQLITE_ERROR, message: "the helper's scope differs from the writer's")
            }
            while let index = current {
                if let select = Self.select(of: rules[index]) {
                    let rows = try connection.query(select).rows
                    lock.withLock { finished.append((index, rows)) }
                } else {
                    lock.withLock { handedBack.append(index) }
                }
                current = takeFront()
            }
        } catch {
            // The rule is handed back, the error not reported: the writer runs the rule (and takes the
            // ones after it, which the helper no longer takes), and its error, if any, is the one seen.
            if let current { lock.withLock { handedBack.append(current) } }
        }
    }

    /// A rule's SQL without its INSERT: the rows it would insert (nil for a rule of another shape).
    static func select(of rule: AuditRule) -> String? {
        rule.sql.hasPrefix(AuditSQL.insert) ? String(rule.sql.dropFirst(AuditSQL.insert.count)) : nil
    }

    private func takeFront() -> Int? {
        lock.withLock {
            guard front < back, !cancelled else { return nil }
            front += 1
            return front - 1
        }
    }

    private func takeBack() -> Int? {
        lock.withLock {
            guard front < back else { return nil }
            back -= 1
            return back
        }
    }

    /// The writer failed (or was interrupted: Ctrl-C): the helper stops its rule and takes no further one.
    private func cancel() {
        lock.withLock {
            cancelled = true
            connection?.interrupt()
        }
    }
}
