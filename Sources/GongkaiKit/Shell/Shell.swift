#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The one statement pipeline every front end drives — the REPL, piped input, `.read`, `-c` and
/// `gongkai run`: statements are parsed with recovery (one bad statement costs only itself), then each in
/// turn is compiled once, its SQL echoed when asked (`.sql on`), run and timed (`.timer on`: the
/// execution and the printing, as the user waits for them), rendered, and written to where results go
/// now (`.once`, `.output`, else the run's `OutputSink`: stdout, a file or a folder); under bail the
/// first failure stops the run before anything after it runs. Meta-commands (`.mode`, `.load`, …) are in
/// `Shell+Meta`. Line editing is not here: the REPL feeds lines in; so do tests.
public final class Shell {
    public let session: Session
    /// Print the generated SQL before results (`.sql on`).
    public var showSQL = false
    /// Print how long each statement took (`.timer on`).
    public var timer = false
    /// Batch framing (`gongkai run`): each result under its statement's title; JSON as one object per
    /// statement and line (JSON Lines), Markdown with a heading per statement.
    public var batch = false
    public var terminalWidth: () -> Int = { 80 }
    /// Standard output is a terminal (set by the command line): only results written there are cut to
    /// the terminal's measure.
    public var stdoutIsTerminal = false
    /// Where results go when neither `.once` nor `.output` is set.
    public var sink = OutputSink(target: .standardOutput)
    let writeOut: (String) -> Void
    let writeError: (String) -> Void
    var once: String?
    var output: String?
    /// Statements that failed since the shell started (for exit statuses).
    public internal(set) var failures = 0
    /// Statements run since the shell started (numbers unnamed results: `statement-3`).
    var statementCount = 0
    /// True once any statement or meta-command ran.
    public internal(set) var ranAnything = false
    /// Set by `.quit`.
    public internal(set) var quitRequested = false
    /// The results of this run, kept for one document (`--format xlsx|html`).
    var documentParts: [DocumentPart] = []
    /// `gongkai run` of several files: one document for all, written by `writeDocument()` at the end.
    public var documentSpansRuns = false
    /// Bytes to standard output (a workbook or page piped on).
    public var writeOutBytes: ([UInt8]) -> Void = { FileHandle.standardOutput.write(Data($0)) }

    public init(session: Session, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.session = session
        writeOut = out
        writeError = err
    }

    // MARK: Statements

    /// Runs the statements of `text` one at a time; errors name `origin` (a file) and count lines from
    /// `firstLine`. Without `quiet` each result is preceded by its statement (`-- name`). False when one
    /// failed; under `bail` nothing after the first failure runs.
    @discardableResult
    public func run(_ text: String, origin: String? = nil, firstLine: Int = 1, quiet: Bool = true, bail: Bool = false) -> Bool {
        var allGood = true
        session.renderOptions.width = terminalWidth()
        for item in Parser.parseRecovering(text) {
            ranAnything = true
            statementCount += 1
            let failure: Session.Failure?
            var statement: ParsedStatement?
            switch item {
            case .failure(let error):
                failure = .query(error)
            case .success(let parsed):
                statement = parsed
                failure = execute(parsed, quiet: quiet)
            }
            if let failure {
                allGood = false
                failures += 1
                writeError(failure.render(source: text, origin: origin, statement: statement, lineOffset: firstLine - 1))
                if bail { break }
            }
        }
        if !documentSpansRuns, !writeDocument() { return false }
        return allGood
    }

    /// One statement through the pipeline; the failure, if any.
    func execute(_ statement: ParsedStatement, quiet: Bool) -> Session.Failure? {
        let start = Self.now()
        let echo: ((String) -> Void)? = showSQL ? { [writeError] in writeError($0) } : nil
        let name = statement.name ?? "statement-\(statementCount)"
        let title = statement.name ?? statement.text.replacing("\n", with: " ")
        // CSV and JSON rows go out as SQLite produces them; the destination is opened at the first write,
        // so a statement that fails before its first row leaves `.once` and files as they were.
        var opened: Destination?
        if let shape = streamingShape(statement, title: title) {
            session.rowSink = StreamingWriter(shape: shape, title: session.format == .csv && !quiet ? "-- " + title + "\n" : nil) { [unowned self] text in
                let destination = try opened ?? self.open(name: name)
                opened = destination
                try destination.write(text)
            }
        }
        let result = session.execute(statement, echo: echo)
        session.rowSink = nil
        opened?.close()
        for note in session.notes { writeError("note: \(note)\n") }
        session.notes.removeAll()
        switch result {
        case .failure(let failure):
            return failure
        case .success(.streamed):
            break
        case .success(let output) where session.format.isDocument:
            documentParts.append(DocumentPart(title: title, statement: statement.text, output: output))
        case .success(let output):
            if let problem = emit(frame(output, title: title, showTitle: !quiet), name: name) { return .other(problem) }
        }
        if timer { writeError(format3(Self.now() - start) + "\n") }
        return nil
    }

    /// How a statement's rows are streamed, or nil when its result is rendered whole: only queries and
    /// raw SQL, and only in CSV and JSON (the table and Markdown measure every row first).
    func streamingShape(_ statement: ParsedStatement, title: String) -> StreamingWriter.Shape? {
        switch statement.node {
        case .query, .sql: break
        default: return nil
        }
        switch session.format {
        case .csv: return .csv(bom: session.renderOptions.bom)
        case .json: return batch ? .jsonLine(statement: title) : .jsonArray
        default: return nil
        }
    }

    /// A result as it is written: under its title in batch and verbose runs, as one JSON Lines object in
    /// a batch JSON run, under a heading in Markdown.
    func frame(_ output: Session.Output, title: String, showTitle: Bool) -> String {
        let format = session.format
        if batch, format == .json { return Self.jsonLine(output, name: title) }
        session.renderOptions.toTerminal = stdoutIsTerminal && once == nil && self.output == nil && sink.target == .standardOutput
        let rendered = session.render(output)
        guard showTitle else { return rendered }
        switch format {
        case .markdown: return "## " + title + "\n\n" + rendered + "\n"
        case .json: return rendered
        default: return "-- " + title + "\n" + rendered
        }
    }

    /// `{"statement": …, "columns": […], "rows": [{…}, …]}` on one line (a message: `"message"`).
    static func jsonLine(_ output: Session.Output, name: String) -> String {
        var fields = ["\"statement\": " + JSONRenderer.string(name)]
        switch output {
        case .streamed:
            return ""
        case .message(let text):
            fields.append("\"message\": " + JSONRenderer.string(text.trimmingSpaces))
        case .results(let parts, let note):
            fields.append("\"results\": {" + parts.map { JSONRenderer.string($0.title) + ": " + JSONRenderer.render($0.result).trimmingSpaces }.joined(separator: ", ") + "}")
            fields.append("\"note\": " + JSONRenderer.string(note))
        case .rows(let result), .report(let result, _):
            fields.append("\"columns\": [" + result.columns.map(JSONRenderer.string).joined(separator: ", ") + "]")
            fields.append("\"rows\": " + JSONRenderer.render(result).replacing("\n", with: ""))
            if case .report(_, let note) = output { fields.append("\"note\": " + JSONRenderer.string(note)) }
        }
        return "{" + fields.joined(separator: ", ") + "}\n"
    }

    /// True when `buffer` is a finished statement, as in sqlite3's shell: it ends with `;` (or a
    /// full-width `；`) that is not inside raw SQL's quotes, comments or trigger body. A statement with an
    /// error is finished too — it is run, so the error shows and the next statement starts afresh. A
    /// blank line also ends a statement; the REPL handles that itself.
    public func isComplete(_ buffer: String) -> Bool {
        let trimmed = buffer.trimmingSpaces
        if trimmed.isEmpty || trimmed.hasPrefix(".") { return true }
        let significant = Lexer(trimmed).tokens().filter { $0.kind != .newline && $0.kind != .end }
        guard let last = significant.last else { return true }
        switch last.kind {
        case .semicolon: return true
        case .invalid: return trimmed.hasSuffix(";") || trimmed.hasSuffix("；")
        default: return false
        }
    }

    // MARK: Output routing

    /// Where one result is written: opened for it, written (once or in chunks), closed.
    struct Destination {
        var write: (String) throws -> Void
        var close: () -> Void
    }

    /// The destination of the next result: the `.once` file (then back to normal), the `.output` file,
    /// or the sink (stdout, the run's one file, or a file of its own in the run's folder).
    func open(name: String) throws -> Destination {
        func file(_ path: String, truncate: Bool) throws -> Destination {
            let descriptor = try OutputSink.open(path, truncate: truncate)
            return Destination(write: { text in try OutputSink.write(text, to: descriptor, path: path) }, close: { _ = Glibc.close(descriptor) })
        }
        if let path = once {
            once = nil
            return try file(path, truncate: true)
        }
        if let path = output { return try file(path, truncate: false) }
        switch sink.target {
        case .standardOutput:
            return Destination(write: { [writeOut] in writeOut($0) }, close: {})
        case .file:
            return Destination(write: { [sink] in try sink.writeToFile($0) }, close: {})
        case .folder(let folder):
            let (fileName, renamed) = sink.fileName(for: name, format: session.format)
            if renamed { writeError("note: another statement is named “\(name)”; this one is written to \(fileName)\n") }
            return try file(folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName, truncate: true)
        }
    }

    /// Writes a whole result; the problem, when it could not be written.
    func emit(_ text: String, name: String) -> String? {
        do {
            let destination = try open(name: name)
            defer { destination.close() }
            try destination.write(text)
            return nil
        } catch {
            return "\(error)"
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
