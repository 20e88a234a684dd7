#if canImport(Glibc)
import Glibc
#endif

/// Where a run's results go: standard output, one file (opened and truncated when the run starts, kept
/// open, each result written to it — so a pipe or FIFO that something reads sees one stream), or a
/// folder with one file per statement, named after the statement's `-- name:` (a second statement of
/// the same name gets `-2`, and a note says so: nothing is overwritten unseen).
public final class OutputSink: @unchecked Sendable {
    public enum Target: Equatable, Sendable {
        case standardOutput
        case file(String)
        case folder(String)

        /// Every result goes to the same place (stdout or one file), so each needs its title.
        public var isSingleStream: Bool {
            if case .folder = self { return false }
            return true
        }
    }

    public let target: Target
    var usedNames: Set<String> = []
    /// The one file's descriptor, open for the whole run.
    let descriptor: Int32?

    init(target: Target, descriptor: Int32? = nil) {
        self.target = target
        self.descriptor = descriptor
    }

    deinit { if let descriptor { close(descriptor) } }

    /// Writes a result to the one file.
    func writeToFile(_ text: String) throws(SinkError) {
        guard case .file(let path) = target, let descriptor else { return }
        try Self.write(text, to: descriptor, path: path)
    }

    /// `path` ending in `/`, or naming an existing folder: one file per statement; otherwise one file,
    /// truncated now. Files are opened in place with open(2) — never written anew and renamed over the
    /// path, which would turn `/dev/null` or a symlink into a regular file.
    public convenience init(path: String?) throws(SinkError) {
        guard let path else {
            self.init(target: .standardOutput)
            return
        }
        if path.hasSuffix("/") || FileBytes.isDirectory(path) {
            try Self.makeFolder(path)
            self.init(target: .folder(path))
        } else {
            self.init(target: .file(path), descriptor: try Self.open(path, truncate: true))
        }
    }

    public struct SinkError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The file a statement's result goes to in a folder: its name (or `statement-N`) made safe, with a
    /// number added when the name was used before in this run.
    func fileName(for name: String, format: OutputFormat) -> (name: String, renamed: Bool) {
        let base = Self.safeName(name)
        var candidate = base
        var counter = 1
        while usedNames.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        usedNames.insert(candidate)
        return (candidate + "." + format.fileExtension, counter > 1)
    }

    /// A statement name as a file name: path separators and control characters replaced.
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline || ($0.asciiValue ?? 32) < 32 ? "_" : $0 })
            .trimmingSpaces
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "statement" : cleaned
    }

    static func makeFolder(_ path: String) throws(SinkError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw SinkError(description: "cannot create the folder \(path): \(String(cString: strerror(errno)))")
            }
        }
        guard FileBytes.isDirectory(path) else { throw SinkError(description: "\(path) is not a folder") }
    }

    /// Opens `path` for writing in place. O_NONBLOCK while opening: a FIFO that nothing reads must be
    /// an error now, not a wait for ever; a pipe that something reads (`--out >(gzip > x.gz)`) is then
    /// written as usual.
    static func open(_ path: String, truncate: Bool) throws(SinkError) -> Int32 {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK | (truncate ? O_TRUNC : O_APPEND), 0o644)
        guard descriptor >= 0 else {
            if errno == ENXIO { throw SinkError(description: "cannot write \(path): it is a FIFO that no process reads") }
            throw SinkError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// Writes the file at `path` (opened for this one write: `.once`, `.output`, a folder's files).
    static func write(_ text: String, to path: String, truncate: Bool) throws(SinkError) {
        let descriptor = try open(path, truncate: truncate)
        defer { close(descriptor) }
        try write(text, to: descriptor, path: path)
    }

    /// Every byte, or an error.
    static func write(_ text: String, to descriptor: Int32, path: String) throws(SinkError) {
        try write(bytes: Array(text.utf8), to: descriptor, path: path)
    }

    /// The one file's bytes (a workbook).
    func writeBytesToFile(_ bytes: [UInt8]) throws(SinkError) {
        guard case .file(let path) = target, let descriptor else { return }
        try Self.write(bytes: bytes, to: descriptor, path: path)
    }

    static func write(bytes: [UInt8], to descriptor: Int32, path: String) throws(SinkError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, buffer.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw SinkError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }
}
