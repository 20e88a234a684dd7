import ArgumentParser
import GongkaiKit

/// Loading the command line's paths (none: the bundled samples/, unless a --db is opened as it is),
/// reporting unreadable files and duplicates on stderr, with a progress line for large loads.
struct Loading {
    var paths: [String]
    var db: String?

    /// A session on `--db FILE` or in memory; a database that cannot be opened ends the command.
    static func openSession(db: String?, format: OutputFormat, bom: Bool = false, options: LoadOptions = LoadOptions()) throws -> Session {
        do {
            let session = try Session.open(path: db)
            session.format = format
            session.renderOptions.bom = bom
            session.keepDuplicates = options.keepDuplicates
            for note in session.notes { Diagnostics.note("gongkai: note: \(note)") }
            session.notes.removeAll()
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
        do {
            let expansion = try ReportPaths.expand(targets)
            files = expansion.files
            for note in expansion.notes { Diagnostics.note("gongkai: note: \(note)") }
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode.failure
        }
        let progress = ProgressLine(total: files.count)
        let summary: Loader.Summary
        do { summary = try session.load(files: files, progress: progress.update) } catch {
            progress.finish()
            Diagnostics.error("\(error)")
            throw ExitCode.failure
        }
        progress.finish()
        for failure in summary.failures { Diagnostics.error("\(failure)") }
        for note in summary.notes { Diagnostics.note("gongkai: note: \(note)") }
        // Said whenever something was not loaded as it came, so nothing is left out unseen in batch use.
        if !summary.failures.isEmpty || !summary.notes.isEmpty { Diagnostics.note("gongkai: \(summary.line)") }
        return !summary.failures.isEmpty
    }
}

/// Options of every command that loads reports.
struct LoadOptions: ParsableArguments {
    @Flag(help: "Load both files of a body and year that give different numbers (an original and its correction), for comparing versions; sums then count both. Without it the more complete one is kept and the other named.")
    var keepDuplicates = false
}
