import ArgumentParser
import GongkaiKit

/// Loading the command line's paths (none: the bundled samples/, unless a --db is opened as it is),
/// reporting unreadable files and duplicates on stderr, with a progress line for large loads.
struct Loading {
    var paths: [String]
    var db: String?

    /// A session on `--db FILE` or in memory; a database that cannot be opened ends the command.
    static func openSession(db: String?, format: OutputFormat, bom: Bool = false) throws -> Session {
        do {
            let session = try Session.open(path: db)
            session.format = format
            session.renderOptions.bom = bom
            return session
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode.failure
        }
    }

    /// True when some file could not be read (the others are loaded).
    func load(into session: Session) throws -> Bool {
        let targets = paths.isEmpty ? (db == nil ? [ReportFiles.defaultSamples()] : []) : paths
        guard !targets.isEmpty else { return false }
        let files: [String]
        do { files = try ReportPaths.expand(targets) } catch {
            Diagnostics.error("\(error)")
            throw ExitCode.failure
        }
        let progress = ProgressLine(total: files.count)
        let summary = try session.load(files: files, progress: progress.update)
        progress.finish()
        for failure in summary.failures { Diagnostics.error("\(failure)") }
        for note in summary.notes { Diagnostics.note("gongkai: note: \(note)") }
        return !summary.failures.isEmpty
    }
}
