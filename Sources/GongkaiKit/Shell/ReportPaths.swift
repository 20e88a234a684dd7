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
                // A folder's README is about the folder, not a report; files of other kinds (images,
                // spreadsheets) are passed over, and said so.
                var otherKinds: [String] = []
                for file in walked.files {
                    let name = file.split(separator: "/").last.map { $0.lowercased() } ?? ""
                    let ext = name.split(separator: ".").last.map(String.init) ?? ""
                    if extensions.contains(ext) {
                        if !name.hasPrefix("readme") { expansion.files.append(file) }
                    } else {
                        otherKinds.append(file)
                    }
                }
                expansion.notes += walked.skipped.map { $0 + " (skipped)" }
                if !otherKinds.isEmpty {
                    let shown = otherKinds.prefix(3).joined(separator: ", ") + (otherKinds.count > 3 ? ", …" : "")
                    expansion.notes.append("\(otherKinds.count) file(s) in \(path) not of a kind reports come in (\(extensions.sorted().joined(separator: " "))) passed over: \(shown)")
                }
            } else if FileBytes.exists(path) {
                expansion.files.append(path)
            } else {
                throw StoreError(message: "no such file or folder: \(path)")
            }
        }
        return expansion
    }
}
