#if canImport(Glibc)
import Glibc
#endif

/// Meta-commands: lines that start with `.`, as in sqlite3's shell.
extension Shell {
    public static let metaCommands = [".help", ".load", ".reports", ".schema", ".mode", ".format", ".sql", ".timer", ".once",
                                      ".output", ".read", ".save", ".bom", ".nullvalue", ".quit", ".exit"]

    /// Runs one meta-command line. False when it failed.
    @discardableResult
    public func meta(_ line: String) -> Bool {
        let words = line.trimmingSpaces.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let command = words.first?.lowercased() else { return true }
        ranAnything = true
        let arguments = Array(words.dropFirst())
        switch command {
        case ".help": writeOut(HelpText.topic(arguments.first))
        case ".quit", ".exit": quitRequested = true
        case ".reports": return run("show reports")
        case ".mode", ".format":  // .format: the command line's --format
            guard let name = arguments.first, let format = OutputFormat(rawValue: name.lowercased()) else {
                return fail("usage: .mode table|csv|json|markdown|bar|line|xlsx|html|svg (now \(session.format.rawValue))")
            }
            session.format = format
        case ".sql", ".timer", ".bom":
            guard let value = arguments.first.map({ $0.lowercased() }), value == "on" || value == "off" else {
                return fail("usage: \(command) on|off")
            }
            if command == ".sql" { showSQL = value == "on" } else if command == ".timer" { timer = value == "on" } else { session.renderOptions.bom = value == "on" }
        case ".nullvalue":
            // As in sqlite3: the text NULL shows as in table, Markdown and bar output (empty by default).
            session.renderOptions.nullValue = arguments.joined(separator: " ")
        case ".once":
            guard let path = arguments.first else { return fail("usage: .once FILE — the next result goes to FILE") }
            once = path
        case ".output":
            output = arguments.first
            if arguments.first == nil { writeOut("results go to the terminal again\n") }
        case ".schema": return schema(arguments.first)
        case ".read":
            // Someone else's saved query file may only read, unless the user says otherwise.
            let allowWrites = arguments.contains("--allow-writes")
            guard let path = arguments.first(where: { $0 != "--allow-writes" }) else { return fail("usage: .read [--allow-writes] FILE.gkq") }
            return read(path, allowWrites: allowWrites)
        case ".load":
            let paths = arguments.filter { $0 != "--keep-duplicates" }
            guard !paths.isEmpty else { return fail("usage: .load [--keep-duplicates] PATH… (files or folders)") }
            let keep = session.keepDuplicates
            session.keepDuplicates = keep || paths.count < arguments.count
            defer { session.keepDuplicates = keep }
            return load(paths)
        case ".save":
            guard let path = arguments.first else { return fail("usage: .save FILE — write the database to FILE") }
            return save(path)
        default:
            // sqlite3's names for what gongkai calls otherwise.
            let elsewhere = [".tables": ".schema", ".open": ".load", ".headers": ".mode", ".import": ".load"][command]
            let hint = Suggestions.didYouMean(elsewhere.map { [$0] } ?? Suggestions.nearest(command, among: Self.metaCommands)).map { " \($0)" } ?? ""
            return fail("unknown command \(command).\(hint) (.help lists them)")
        }
        return true
    }

    func fail(_ message: String) -> Bool {
        writeError("error: \(message)\n")
        failures += 1
        return false
    }

    func schema(_ table: String?) -> Bool {
        do {
            var sql = "SELECT sql || ';' FROM sqlite_schema WHERE type IN ('table', 'index', 'view') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            var values: [DatabaseValue] = []
            if let table {
                sql += " AND tbl_name = ?1"
                values.append(.text(table))
            }
            let rows = try session.database.query(sql + " ORDER BY tbl_name, type DESC", values).rows
            if rows.isEmpty, let table { return fail("no table \(table); the tables are \((Schema.tables + Schema.views).joined(separator: ", "))") }
            writeOut(rows.compactMap { $0.first?.string }.joined(separator: "\n") + "\n")
            return true
        } catch {
            return fail("\(error)")
        }
    }

    func read(_ path: String, allowWrites: Bool = false) -> Bool {
        let before = session.rawSQLReadOnly
        session.rawSQLReadOnly = !allowWrites
        defer { session.rawSQLReadOnly = before }
        do {
            let bytes = try FileBytes.read(path)
            guard let text = ScriptText.decode(bytes) else { return fail(ScriptText.NotText(path: path).description) }
            return run(text, origin: path)
        } catch {
            return fail("\(error)")
        }
    }

    func load(_ paths: [String]) -> Bool {
        do {
            let expansion = try ReportPaths.expand(paths)
            for note in expansion.notes { writeError("note: \(note)\n") }
            let summary = try session.load(files: expansion.files)
            for failure in summary.failures { writeError("error: \(failure)\n") }
            for note in summary.notes { writeError("note: \(note)\n") }
            writeOut(summary.line + "\n")
            return summary.failures.isEmpty
        } catch {
            return fail("\(error)")
        }
    }

    /// Writes the database to `path` atomically: a temporary file beside it, then a rename. The rename
    /// replaces what is at the path, so a symlink is followed to its file, and a device, FIFO or folder is
    /// refused (`.save /dev/null` must not turn the device into a file).
    func save(_ requested: String) -> Bool {
        var path = requested
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            return fail("cannot save to \(requested): not a regular file")
        }
        // Renaming a copy over the file this session has open (`--db`) would leave the connection on
        // the unlinked old file: every later write fails (SQLITE_READONLY_DBMOVED).
        var open = stat()
        if stat(path, &info) == 0, stat(session.database.path, &open) == 0, info.st_dev == open.st_dev, info.st_ino == open.st_ino {
            return fail("cannot save to \(requested): it is the database this session has open (--db), which is kept as you go")
        }
        let temporary = path + ".tmp-\(getpid())"
        do {
            unlink(temporary)
            try session.database.backup(to: temporary)
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                return fail("cannot write \(requested): \(reason)")
            }
            writeOut("saved to \(requested)\n")
            return true
        } catch {
            unlink(temporary)
            return fail("cannot save to \(requested): \(error)")
        }
    }
}

/// Query files and piped input: UTF-8, a BOM allowed; anything else is refused, never turned into U+FFFD.
public enum ScriptText {
    public struct NotText: Error, CustomStringConvertible {
        public var path: String
        public init(path: String) { self.path = path }
        public var description: String { "\(path) is not UTF-8 text; save query files as UTF-8" }
    }

    public static func decode(_ bytes: [UInt8]) -> String? {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(validating: body, as: UTF8.self)
    }
}
