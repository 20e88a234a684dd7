#if canImport(Glibc)
import Glibc
#endif

/// What the REPL, piped input and `gongkai run` share: statements and meta-commands (`.mode`, `.load`,
/// `.once`, …) run against a session, results routed to stdout, a file for the next result (`.once`) or
/// every result (`.output`), errors to stderr with the position. Line editing is not here: the REPL feeds
/// lines in; so do tests.
public final class Shell {
    public let session: Session
    /// Print the generated SQL before results (`.sql on`).
    public var showSQL = false
    /// Print how long each statement took (`.timer on`).
    public var timer = false
    public var terminalWidth: () -> Int = { 80 }
    let writeOut: (String) -> Void
    let writeError: (String) -> Void
    var once: String?
    var output: String?
    /// Statements that failed since the shell started (for exit statuses).
    public internal(set) var failures = 0
    /// True once any statement or meta-command ran.
    public internal(set) var ranAnything = false
    /// Set by `.quit`.
    public internal(set) var quitRequested = false

    public init(session: Session, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.session = session
        writeOut = out
        writeError = err
    }

    // MARK: Statements

    /// Runs every statement of `text`; errors name `origin` (a file) when given. False when one failed.
    @discardableResult
    public func run(_ text: String, origin: String? = nil, quiet: Bool = true, bail: Bool = false) -> Bool {
        var allGood = true
        session.renderOptions.width = terminalWidth()
        for step in session.run(text) {
            ranAnything = true
            if !quiet, let statement = step.statement {
                emit("-- " + (statement.name ?? statement.text.replacing("\n", with: " ")) + "\n")
            }
            if showSQL, let statement = step.statement, let sql = try? session.explainText(statement.node) {
                writeError(sql)
            }
            let start = Self.now()
            switch step.result {
            case .success(let output):
                emit(session.render(output))
                if timer { writeError(String(format3(Self.now() - start)) + "\n") }
            case .failure(let failure):
                allGood = false
                failures += 1
                writeError(failure.render(source: text, origin: origin, statement: step.statement))
                if bail { return false }
            }
        }
        return allGood
    }

    /// True when `buffer` is a finished statement, as in sqlite3's shell: it ends with `;` (outside a
    /// string). A blank line also ends a statement; the REPL handles that itself.
    public func isComplete(_ buffer: String) -> Bool {
        let trimmed = buffer.trimmingSpaces
        if trimmed.isEmpty || trimmed.hasPrefix(".") { return true }
        guard trimmed.hasSuffix(";") else { return false }
        // A `;` inside an unterminated string does not end the statement.
        if let tokens = try? Lexer(trimmed).tokens() { return tokens.dropLast().last?.kind == .semicolon }
        return false
    }

    // MARK: Output routing

    /// Writes a result to the `.once` file (then back to normal), the `.output` file, or stdout.
    func emit(_ text: String) {
        if let path = once {
            once = nil
            if !append(text, to: path, truncate: true) { writeError("error: cannot write \(path): \(String(cString: strerror(errno)))\n") }
            return
        }
        if let path = output {
            if !append(text, to: path, truncate: false) { writeError("error: cannot write \(path): \(String(cString: strerror(errno)))\n") }
            return
        }
        writeOut(text)
    }

    func append(_ text: String, to path: String, truncate: Bool) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | (truncate ? O_TRUNC : O_APPEND), 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return true }
            return write(descriptor, base, buffer.count) == buffer.count
        }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    func format3(_ seconds: Double) -> String {
        let milliseconds = (seconds * 1000 * 10).rounded() / 10
        return "time: \(milliseconds) ms"
    }
}

extension Session {
    /// The SQL a statement runs, for `.sql on`.
    func explainText(_ node: StatementNode) throws -> String? {
        switch node {
        case .query, .sql: return try explain(node)
        default: return nil
        }
    }

    /// True when SQLite says the SQL stops before its end ("incomplete input").
    func isIncompleteSQL(_ sql: String) -> Bool {
        do {
            try database.forEachStatement(sql) { _ in }
            return false
        } catch let error as DatabaseError {
            return error.message == "incomplete input"
        } catch {
            return false
        }
    }
}
