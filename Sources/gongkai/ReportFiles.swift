import ArgumentParser
import Foundation
import GongkaiKit

/// Paths on the command line to report files: folders are walked (hidden files skipped), and the
/// bundled samples/ is found beside the executable's package when no path is given.
enum ReportFiles {
    static let extensions: Set<String> = ["txt", "md", "markdown", "text", "htm", "html", "shtml", "docx", "pdf", "csv"]

    static func expand(_ paths: [String]) throws -> [String] {
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
                throw ValidationError("no such file or folder: \(path)")
            }
        }
        return files
    }

    /// samples/ of the package this executable was built from (…/.build/<config>/gongkai → …/samples),
    /// else ./samples.
    static func defaultSamples() -> String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<5 {
            url = url.deletingLastPathComponent()
            let candidate = url.appendingPathComponent("samples")
            if FileBytes.isDirectory(candidate.path) { return candidate.path }
        }
        return "samples"
    }
}
