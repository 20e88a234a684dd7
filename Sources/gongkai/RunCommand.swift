import ArgumentParser
import Foundation
import GongkaiKit

/// `gongkai run FILE.gkq…`: every statement of each file in order, each result under its statement (or
/// its `-- name:`); an error names FILE:LINE:COLUMN and the run goes on (or stops with --bail).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run saved query files (.gkq) over the reports.",
        discussion: "Exit status 0 when every statement succeeded, 1 otherwise. With --format csv --out DIR/, one CSV file per named statement."
    )

    @Argument(help: "Query files.")
    var files: [String]

    @Option(parsing: .upToNextOption, help: "Report files or folders to load (default: the bundled samples/, or the --db database as it is).")
    var data: [String] = []

    @Option(help: "table, csv, json, markdown or bar.")
    var format: OutputFormat = .table

    @Option(help: "Write the results to this file, or with a trailing / (or an existing folder) one file per statement.")
    var out: String?

    @Flag(help: "Stop at the first statement that fails.")
    var bail = false

    @Flag(help: "Do not print each statement before its result.")
    var quiet = false

    @Flag(help: "Start CSV output with a UTF-8 BOM (for Excel and WPS).")
    var bom = false

    @Option(help: "Keep the database in this file instead of in memory.")
    var db: String?

    func run() throws {
        let session = try Loading.openSession(db: db, format: format, bom: bom)
        var failed = try Loading(paths: data, db: db).load(into: session)
        let sink = try OutputSink(out)
        var index = 0
        files: for file in files {
            let text: String
            do {
                guard let decoded = ScriptText.decode(try FileBytes.read(file)) else {
                    Diagnostics.error("\(file) is not UTF-8 text; save query files as UTF-8")
                    failed = true
                    if bail { break } else { continue }
                }
                text = decoded
            } catch {
                Diagnostics.error("\(error)")
                failed = true
                if bail { break } else { continue }
            }
            for step in session.run(text) {
                index += 1
                switch step.result {
                case .success(let output):
                    let title = step.statement.map { $0.name ?? $0.text.replacing("\n", with: " ") } ?? "statement \(index)"
                    let rendered = session.render(output)
                    try sink.write(rendered, title: quiet || sink.perStatement ? nil : "-- \(title)\n", name: step.statement?.name ?? "statement-\(index)", format: format)
                case .failure(let failure):
                    failed = true
                    Diagnostics.write(failure.render(source: text, origin: file, statement: step.statement))
                    if bail { break files }
                }
            }
        }
        if failed { throw ExitCode.failure }
    }
}

/// Where `run` writes: stdout, one file, or a folder with one file per statement.
struct OutputSink {
    let path: String?
    let perStatement: Bool
    var first = true

    init(_ path: String?) throws {
        self.path = path
        perStatement = path.map { $0.hasSuffix("/") || FileBytes.isDirectory($0) } ?? false
        if let path {
            if perStatement {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } else {
                // Truncated in place with open(2), not FileManager.createFile: that writes a new file and
                // renames it over the path, which turned `--out /dev/null` into a regular file (and would
                // replace a symlink or a FIFO the same way).
                let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard descriptor >= 0 else {
                    throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))")
                }
                close(descriptor)
            }
        }
    }

    func write(_ text: String, title: String?, name: String, format: OutputFormat) throws {
        let body = (title ?? "") + text
        guard let path else {
            print(body, terminator: "")
            return
        }
        if perStatement {
            let ext = ["csv": "csv", "json": "json", "markdown": "md"][format.rawValue] ?? "txt"
            let url = URL(fileURLWithPath: path).appendingPathComponent(Self.fileName(name) + "." + ext)
            try Data(body.utf8).write(to: url)
        } else {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(body.utf8))
        }
    }

    /// A statement name as a file name: path separators and control characters replaced.
    static func fileName(_ name: String) -> String {
        let cleaned = String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? "statement" : cleaned
    }
}
