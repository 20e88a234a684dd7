import Foundation
import GongkaiKit

/// Where the bundled samples are: samples/ of the package this executable was built from
/// (…/.build/<config>/gongkai → …/samples), else ./samples.
enum ReportFiles {
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
