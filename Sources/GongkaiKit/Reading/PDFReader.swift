import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PDF's text layer, from `pdftotext -layout` (poppler-utils): the page as lines with columns
/// kept in place by spaces, pages separated by form feeds. Run as a subprocess with a time limit —
/// a hostile or broken PDF must not hang a load of ten thousand files.
struct PDFReader {
    static let timeLimit: Double = 30
    static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]

    struct Read {
        var text: String
        /// The document's Title property, when it has one.
        var title: String?
    }

    func read(_ bytes: [UInt8], file: String) throws(ReadError) -> Read {
        guard let tool = Self.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ReadError(file: file, reason: "a PDF; reading it needs pdftotext (Debian: apt-get install poppler-utils; scripts/setup installs it)")
        }
        // pdftotext wants a file it can seek in; the bytes may not come from one (stdin, a test).
        let temporary = NSTemporaryDirectory() + "gongkai-\(getpid())-\(UUID().uuidString).pdf"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ReadError(file: file, reason: "a PDF, but no temporary file could be written for pdftotext in \(NSTemporaryDirectory())")
        }
        defer { unlink(temporary) }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(tool, ["-layout", "-enc", "UTF-8", temporary, "-"], timeLimit: Self.timeLimit)
        } catch {
            throw ReadError(file: file, reason: "a PDF that pdftotext could not read: \(error)")
        }
        let stderr = String(decoding: result.stderr, as: UTF8.self)
        if result.status != 0 {
            if result.status == 3 || stderr.contains("password") || stderr.contains("ncrypt") {
                throw ReadError(file: file, reason: "a password-protected PDF: remove the password, or print it to a new PDF, and load that")
            }
            // pdftotext's last complaint is the one that made it give up.
            let detail = stderr.split(separator: "\n").last.map { ": \($0)" } ?? ""
            throw ReadError(file: file, reason: "a damaged or truncated PDF (pdftotext\(detail))")
        }
        guard let text = String(validating: result.stdout, as: UTF8.self) else {
            throw ReadError(file: file, reason: "a PDF whose text layer is not valid UTF-8")
        }
        let visible = text.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value != 0x0C }.count
        if visible < 20 {
            throw ReadError(file: file, reason: "a PDF with no text layer (a scanned document?): it needs OCR first, e.g. `ocrmypdf -l chi_sim IN.pdf OUT.pdf`")
        }
        return Read(text: text, title: Self.title(of: temporary, tool: tool))
    }

    /// `pdfinfo`'s Title line, from the same package; nil when there is none or pdfinfo is missing.
    static func title(of path: String, tool: String) -> String? {
        let pdfinfo = (tool as NSString).deletingLastPathComponent + "/pdfinfo"
        guard FileManager.default.isExecutableFile(atPath: pdfinfo),
              let result = try? Subprocess.run(pdfinfo, ["-enc", "UTF-8", path], timeLimit: 10), result.status == 0 else { return nil }
        let info = String(decoding: result.stdout, as: UTF8.self)
        for line in info.split(separator: "\n") where line.hasPrefix("Title:") {
            let title = line.dropFirst("Title:".count).trimmingCharacters(in: .whitespaces)
            return title.isEmpty ? nil : title
        }
        return nil
    }
}

/// A child process whose output is collected and whose run is cut off at a time limit. posix_spawn
/// and waitpid directly: safe from any thread, and nothing of the parent's leaks into the child.
enum Subprocess {
    struct Result {
        var stdout: [UInt8]
        var stderr: [UInt8]
        var status: Int32
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: String, _ arguments: [String], timeLimit: Double) throws -> Result {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0 else { throw Failure(description: "no pipe") }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw Failure(description: "no pipe")
        }
        for descriptor in outPipe + errPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }

        var stdout: [UInt8] = [], stderr: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var open = [outPipe[0]: true, errPipe[0]: true]
        let deadline = Date().addingTimeInterval(timeLimit)
        while open.values.contains(true) {
            if Date() >= deadline {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                throw Failure(description: "gave up after \(Int(timeLimit)) s")
            }
            var pollers = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            guard poll(&pollers, nfds_t(pollers.count), 100) > 0 else { continue }
            for poller in pollers where poller.revents != 0 {
                let count = read(poller.fd, &buffer, buffer.count)
                if count <= 0 {
                    open[poller.fd] = false
                } else if poller.fd == outPipe[0] {
                    stdout += buffer[..<count]
                } else {
                    stderr += buffer[..<count]
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS by hand: the macros do not import.
        let exited = status & 0x7F == 0
        return Result(stdout: stdout, stderr: stderr, status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
    }
}
