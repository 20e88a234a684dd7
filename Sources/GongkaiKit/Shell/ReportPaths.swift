/// Paths on the command line (or after `.load`) to report files: folders are walked, keeping files with
/// the extensions reports come in and skipping hidden files and READMEs. What is passed over for any
/// other reason (an unreadable folder, a FIFO, a name that is not UTF-8) comes back as a note.
public enum ReportPaths {
    public static let extensions: Set<String> = ["txt", "md", "markdown", "text", "htm", "html", "shtml", "docx", "doc", "pdf", "csv"]

    public struct Expansion: Sendable {
        public var files: [String] = []
        public var notes: [String] = []
    }

    public static func expand(_ paths: [String]) throws(StoreError) -> Expansion {
        var expansion = Expansion()
        for path in paths {
            if FileBytes.isDirectory(path) {
                let walked = FileBytes.walk(path)
                // A folder's README is about the folder, not a report.
                expansion.files += walked.files.filter { file in
                    let name = file.split(separator: "/").last.map { $0.lowercased() } ?? ""
                    let ext = name.split(separator: ".").last.map(String.init) ?? ""
                    return extensions.contains(ext) && !name.hasPrefix("readme")
                }
                expansion.notes += walked.skipped.map { $0 + " (skipped)" }
            } else if FileBytes.exists(path) {
                expansion.files.append(path)
            } else {
                throw StoreError(message: "no such file or folder: \(path)")
            }
        }
        return expansion
    }
}
