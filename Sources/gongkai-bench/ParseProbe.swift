import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

@main
struct Probe {
    static func main() {
        var generator = ReportGenerator(seed: 1)
        let bodies = ReportGenerator.fictionalBodies
        var texts: [[UInt8]] = []
        for index in 0..<(Int(CommandLine.arguments.dropFirst().first ?? "500") ?? 500) {
            let report = generator.report(body: bodies[index % bodies.count], year: 2021, template: .y2021)
            texts.append(Array(ReportWriter(layout: .word).write(report).utf8))
        }
        let bytes = texts.reduce(0) { $0 + $1.count }
        let start = now()
        let reader = ReportReader()
        var cells = 0
        for _ in 0..<5 {
            for text in texts {
                let report = try? reader.read(bytes: text, file: "x")
                cells += report?.requests.count ?? 0
            }
        }
        let elapsed = now() - start
        print("parsed 5 × \(texts.count) reports, \(bytes) bytes in \(elapsed) s: \(Double(5 * texts.count) / elapsed) reports/s, \(Double(5 * bytes) / elapsed / 1e6) MB/s, cells \(cells)")
    }
}
