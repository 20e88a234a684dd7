import Foundation
import GongkaiKit

/// `gongkai-bench`: the shipped benchmark (scripts/bench runs it in release). It measures gongkai beside
/// SQLite's own shell on the same work, prints a table, and one JSON line per figure (prefixed `json `).
/// Every figure is the median of several runs, with the spread (min–max).
///
///     gongkai-bench [--sizes 1000,10000,100000] [--query-sizes 10000,100000] [--rss-size 100000] [--runs 3] [--quick]
@main
struct Bench {
    static func main() throws {
        var options = Options()
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--sizes": options.sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--query-sizes": options.querySizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--runs": options.runs = Int(arguments.popFirst() ?? "") ?? 3
            case "--rss-size": options.rssSize = Int(arguments.popFirst() ?? "") ?? 100000
            case "--quick": options = Options(sizes: [40], querySizes: [40], runs: 1, rssSize: 40)
            case "--rss-child":
                // A child process: load N reports from a folder into memory, print max RSS in KB.
                let folder = arguments.popFirst() ?? ""
                let count = Int(arguments.popFirst() ?? "") ?? Int.max
                let session = try Session.open(path: nil)
                _ = try session.load(files: Array(try ReportPaths.expand([folder]).files.prefix(count)))
                print(Measure.maxRSSKilobytes())
                return
            default:
                FileHandle.standardError.write(Data("usage: gongkai-bench [--sizes 1000,10000] [--query-sizes 10000] [--runs 3] [--quick]\n".utf8))
                exit(64)
            }
        }
        try Run(options: options).all()
    }
}

struct Options {
    var sizes = [1000, 10000, 100000]
    var querySizes = [10000, 100000]
    var runs = 3
    var rssSize = 100000
}
