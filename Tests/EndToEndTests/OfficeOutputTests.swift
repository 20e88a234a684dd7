import Foundation
import Testing

/// Workbooks and report pages, checked by real readers: Debian's openpyxl reads the workbook back, headless
/// Chromium opens the page (scripts/setup installs both, and a CJK font).
struct OfficeOutputTests {
    static let openpyxl = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        && (try? BinaryRunnerProcess.run("/usr/bin/python3", ["-c", "import openpyxl"]).status) == 0
    static let chromium = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")

    static func temporary(_ name: String) -> String {
        let folder = NSTemporaryDirectory() + "gongkai-office-\(getpid())/"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + name
    }

    /// Every query file of queries/ over the samples into one workbook: a sheet per named statement after
    /// the 说明 sheet, numbers as numbers, ratios with a percent format, a bold frozen header.
    @Test(.enabled(if: openpyxl, "needs python3-openpyxl (scripts/setup installs it)"))
    func aWorkbookReadByOpenpyxl() throws {
        let path = Self.temporary("queries.xlsx")
        let queries = try FileManager.default.contentsOfDirectory(atPath: BinaryRunner.packageRoot.appendingPathComponent("queries").path)
            .filter { $0.hasSuffix(".gkq") }.sorted().map { "queries/" + $0 }
        let run = try BinaryRunner.run(["run"] + queries + ["--data", "samples", "--format", "xlsx", "--out", path])
        #expect(run.status == 0, "\(run.stderr)")
        let script = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            print("|".join(wb.sheetnames))
            rate = wb["disclosure rate by county"]
            print(rate.freeze_panes, rate["A1"].font.b, [c.value for c in rate[1]][:4])
            row = [c for c in rate[2]]
            print(row[0].value, row[0].data_type, row[1].data_type, [c.number_format for c in row])
            year = wb["requests 2021 to 2023"]
            print(year["B1"].value, year["B2"].value, year["B2"].data_type)
            print(sum(1 for row in wb["说明"].iter_rows(values_only=True) if str(row[0]).startswith("文件")))
            """
        let read = try BinaryRunnerProcess.run("/usr/bin/python3", ["-c", script, path])
        let lines = read.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(read.stdout)\(read.stderr)")
        guard lines.count == 5 else { return }
        #expect(lines[0].hasPrefix("说明|all checks|findings by rule|channels overall|"))
        #expect(lines[0].split(separator: "|").allSatisfy { $0.count <= 31 })
        #expect(lines[1].hasPrefix("A2 True ['county', 'requests', 'granted', 'partial']"))
        #expect(lines[2].hasPrefix("北岭县 s n"))
        #expect(lines[2].contains("'0.0%'"), "a ratio has a percent format: \(lines[2])")
        #expect(lines[3] == "2021 7 n", "years head columns and counts are numbers: \(lines[3])")
        #expect(lines[4] == "19", "the 说明 sheet names every file loaded")
    }

    /// A workbook is a file: not written to a terminal (a pipe is fine).
    @Test func aWorkbookToStandardOutputIsBytes() throws {
        let result = try BinaryRunner.run(["samples", "--format", "xlsx", "-c", "reports by level"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("PK"))
    }

    /// The report page: self-contained (no script, no link to anything), a section per statement, inline
    /// SVG charts with Chinese labels; Chromium loads it with no console error and takes a screenshot.
    @Test(.enabled(if: chromium, "needs chromium (scripts/setup installs it)"))
    func aReportPageOpenedInChromium() throws {
        let page = Self.temporary("report.html")
        let run = try BinaryRunner.run(["run", "queries/channels.gkq", "queries/year-over-year.gkq", "--data", "samples", "--format", "html", "--out", page])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<h2>channels overall</h2>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains(">微博</text>"))
        #expect(html.contains("@media print"))
        let shot = Self.temporary("report.png")
        let chrome = try BinaryRunnerProcess.run("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                                                                      "--screenshot=\(shot)", "--window-size=1000,1600", "file://\(page)"])
        #expect(!chrome.stderr.contains("CONSOLE"), "console messages: \(chrome.stderr)")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        #expect(size > 10_000)
    }

    /// Two dimensions: bars grouped by the first (its name once per group, bold), coloured by the second.
    @Test func twoDimensionsAreGroupedBars() throws {
        let svg = try BinaryRunner.run(["samples", "--format", "svg", "-c", "requests by county, year"]).stdout
        #expect(svg.components(separatedBy: "font-weight=\"bold\">东湖区</text>").count == 2)
        #expect(svg.contains(">2022</text>"))
        let fills = Set(svg.matches(of: try Regex(#"<rect [^>]*fill="(#[0-9a-f]+)""#)).compactMap { $0.output[1].substring.map(String.init) })
        #expect(fills.count == 3, "one colour per year: \(fills)")
    }

    /// `--format svg`: the chart alone, bars where the numbers say (the longest for the largest).
    @Test func aChartAlone() throws {
        let svg = try BinaryRunner.run(["samples", "--format", "svg", "-c", "active by channel order by active desc"]).stdout
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">微博</text>"))
        let widths = try Regex(#"<rect x="[0-9.]+" y="[0-9]+" width="([0-9.]+)""#)
        let bars = svg.matches(of: widths).compactMap { Double($0.output[1].substring ?? "") }
        #expect(bars.count == 6)
        #expect(bars == bars.sorted(by: >), "bars in the order of the values, largest first")
    }
}

/// Runs a program other than gongkai and captures what it printed.
enum BinaryRunnerProcess {
    static func run(_ path: String, _ arguments: [String]) throws -> BinaryRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorReader = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return BinaryRunner.Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
    }
}
