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

    /// The copies a gongkai killed during a load left behind (`gongkai-PID-….pdf` of a PID that is
    /// gone) are removed once, before this process makes its first.
    static let staleCopiesRemoved: Void = {
        let folder = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("gongkai-") && name.hasSuffix(".pdf") {
            let digits = name.dropFirst("gongkai-".count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + name)
        }
    }()

    func read(_ bytes: [UInt8], file: String) throws(ReadError) -> Read {
        guard let tool = Self.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ReadError(file: file, reason: "a PDF; reading it needs pdftotext (Debian: apt-get install poppler-utils; scripts/setup installs it)")
        }
        // pdftotext wants a file it can seek in; the bytes may not come from one (stdin, a test).
        _ = Self.staleCopiesRemoved
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
