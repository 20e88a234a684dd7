import Foundation

/// `--format xlsx` / `html` (and `.mode xlsx|html`): the results of a run become one document, written
/// when the run ends — a workbook with a sheet per statement, or a report page with a section per
/// statement — to where results go (`.once`, `.output`, `--out FILE`, or a folder: `results.xlsx`).
/// A workbook is not written to a terminal.
extension Shell {
    struct DocumentPart {
        var title: String
        var statement: String
        var output: Session.Output
    }

    /// The document of the parts collected, as bytes.
    func documentBytes(_ parts: [DocumentPart]) throws -> [UInt8] {
        switch session.format {
        case .xlsx:
            // The workbook's 说明 sheet lists every file loaded (a page names their folders).
            let about = aboutRows(parts, listFiles: true)
            var sheets: [XLSXWriter.Sheet] = []
            for part in parts {
                switch part.output {
                case .rows(let result), .report(let result, _): sheets.append(.init(name: part.title, result: result))
                case .results(let results, _): sheets += results.map { .init(name: part.title + " · " + $0.title, result: $0.result) }
                case .message(let text): sheets.append(.init(name: part.title, result: ResultSet(columns: ["message"], rows: [[.text(text.trimmingSpaces)]])))
                case .streamed: break
                }
            }
            return try XLSXWriter(about: about, sheets: sheets).write()
        default:
            let about = aboutRows(parts, listFiles: false)
            let sections = parts.map { part -> HTMLReportPage.Section in
                switch part.output {
                case .rows(let result): return .init(title: part.title, statement: part.statement, results: [(nil, result)])
                case .report(let result, let note):
                    var section = HTMLReportPage.Section(title: part.title, statement: part.statement, results: [(nil, result)], note: note)
                    section.chart = false
                    return section
                case .results(let results, let note):
                    var section = HTMLReportPage.Section(title: part.title, statement: part.statement, results: results.map { ($0.title, $0.result) }, note: note)
                    section.sideBySide = Set(results.indices.filter { results[$0].sideBySide })
                    section.chart = false
                    return section
                case .message(let text): return .init(title: part.title, statement: part.statement, results: [], message: text)
                case .streamed: return .init(title: part.title, statement: part.statement, results: [])
                }
            }
            return Array(HTMLReportPage(title: "gongkai · " + (parts.count == 1 ? parts[0].title : "\(parts.count) 个问题"), about: about, sections: sections).render().utf8)
        }
    }

    /// When and from what: the time, the reports loaded, the folders they came from (and, for a workbook,
    /// every file, up to `Limits.aboutFiles`), the statements.
    func aboutRows(_ parts: [DocumentPart], listFiles: Bool) -> [(String, String)] {
        var rows: [(String, String)] = [("生成于 made", ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime]))]
        let reports = (try? session.database.scalar("SELECT count(*) FROM report"))??.double.map { Int($0) } ?? 0
        rows.append(("报告 reports", "\(reports)"))
        if let files = try? session.database.query("SELECT file FROM report ORDER BY id").rows.compactMap({ $0.first?.string }) {
            var folders: [String] = []
            for file in files {
                let folder = (file as NSString).deletingLastPathComponent
                if !folders.contains(folder) { folders.append(folder) }
            }
            rows.append(("来自 from", folders.prefix(5).joined(separator: "; ") + (folders.count > 5 ? "; …" : "")))
            for (index, part) in parts.enumerated() { rows.append(("语句 \(index + 1)", part.statement)) }
            if listFiles {
                for (index, file) in files.prefix(Limits.aboutFiles).enumerated() { rows.append(("文件 \(index + 1)", file)) }
                if files.count > Limits.aboutFiles { rows.append(("文件 …", "\(files.count - Limits.aboutFiles) more (sql SELECT file FROM report)")) }
            }
            return rows
        }
        for (index, part) in parts.enumerated() { rows.append(("语句 \(index + 1)", part.statement)) }
        return rows
    }

    /// Writes the collected document (if any); false, with the error said, when it could not be written.
    @discardableResult
    public func writeDocument() -> Bool {
        guard let problem = finishDocument() else { return true }
        writeError("error: \(problem)\n")
        failures += 1
        return false
    }

    /// Writes the collected document; the problem, when it could not be written.
    func finishDocument() -> String? {
        let parts = documentParts
        documentParts = []
        guard !parts.isEmpty else { return nil }
        do {
            let bytes = try documentBytes(parts)
            if let path = once ?? output {
                once = nil
                let descriptor = try OutputSink.open(path, truncate: true)
                defer { _ = close(descriptor) }
                try OutputSink.write(bytes: bytes, to: descriptor, path: path)
                return nil
            }
            switch sink.target {
            case .standardOutput:
                if session.format == .xlsx, stdoutIsTerminal {
                    return "a workbook is a file: write it with --out FILE.xlsx (or .once FILE.xlsx), or redirect the output"
                }
                writeOutBytes(bytes)
            case .file:
                try sink.writeBytesToFile(bytes)
            case .folder(let folder):
                let (name, _) = sink.fileName(for: "results", format: session.format)
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let descriptor = try OutputSink.open(path, truncate: true)
                defer { _ = close(descriptor) }
                try OutputSink.write(bytes: bytes, to: descriptor, path: path)
            }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
