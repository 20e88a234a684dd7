import CEditLine
import Foundation

/// Timing and reporting: medians with their spread, a table for people, JSON lines for machines.
enum Measure {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` `runs` times; the seconds of each run.
    static func seconds(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = now()
            try body()
            times.append(now() - start)
        }
        return times
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Runs a program to its end: what it wrote to stdout and stderr, its status, and how long it took.
    static func spawn(_ executable: String, _ arguments: [String], keepOutput: Bool = true) throws
        -> (stdout: Data, stderr: Data, status: Int32, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = keepOutput ? out : FileHandle.nullDevice
        process.standardError = err
        let start = now()
        try process.run()
        let output = keepOutput ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (output, errors, process.terminationStatus, now() - start)
    }

    /// The peak resident set of this process, in KB: VmHWM from /proc/self/status. Not getrusage's
    /// ru_maxrss — Linux carries that over exec from the process that spawned this one, so a child
    /// of the benchmark would report the benchmark's own peak (measured here: 986 MB for 40 reports).
    static func maxRSSKilobytes() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
                if let value = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") {
                    return value
                }
            }
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }
}

/// One figure: printed as a table row and as a JSON line.
struct Figure {
    var name: String
    var size: Int?
    var values: [Double]
    var unit: String
    var comparison: String = ""

    var median: Double { Measure.median(values) }

    func print() {
        let spread = values.count > 1 ? String(format: " (%@–%@)", format(values.min() ?? 0), format(values.max() ?? 0)) : ""
        let sizeText = size.map { String($0) } ?? ""
        Swift.print(String(format: "%-44@ %8@  %14@ %-8@%@  %@", name as NSString, sizeText as NSString, format(median) as NSString,
                           unit as NSString, spread as NSString, comparison as NSString))
        var json = "{\"figure\": \"\(name)\", \"median\": \(median), \"min\": \(values.min() ?? 0), \"max\": \(values.max() ?? 0), \"unit\": \"\(unit)\", \"runs\": \(values.count)"
        if let size { json += ", \"reports\": \(size)" }
        if !comparison.isEmpty { json += ", \"comparison\": \"\(comparison)\"" }
        Swift.print("json " + json + "}")
        gk_flush_stdout()
    }

    func format(_ value: Double) -> String {
        if value >= 1000 { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.3f", value)
    }
}
