/// Paths on the command line (or after `.load`) to report files: folders are walked, keeping files with
/// the extensions reports come in and skipping hidden files and READMEs.
public enum ReportPaths {
    public static let extensions: Set<String> = ["txt", "md", "markdown", "text", "htm", "html", "shtml", "docx", "doc", "pdf", "csv"]

    public static func expand(_ paths: [String]) throws(StoreError) -> [String] {
        var files: [String] = []
        for path in paths {
            if FileBytes.isDirectory(path) {
                // A folder's README is about the folder, not a report.
                files += FileBytes.files(under: path).filter { file in
                    let name = file.split(separator: "/").last.map { $0.lowercased() } ?? ""
                    let ext = name.split(separator: ".").last.map(String.init) ?? ""
                    return extensions.contains(ext) && !name.hasPrefix("readme")
                }
            } else if FileBytes.exists(path) {
                files.append(path)
            } else {
                throw StoreError(message: "no such file or folder: \(path)")
            }
        }
        return files
    }
}
