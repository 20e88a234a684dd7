import Foundation

/// What the analyst knows better than any report: a `gongkai.tsv` (or `gongkai.csv`) in a folder of
/// reports, one row per file, overriding agency, place and year. The first line names the columns —
/// `file` and any of `agency`, `province`, `city`, `county`, `township`, `year` (or 文件, 机关, 省份, 城市,
/// 区县, 乡镇, 年份) — and an empty cell overrides nothing:
///
///     file	county	city	year
///     张村镇-2021.pdf	环翠区	威海市
///     温泉镇年报.docx	环翠区	威海市	2022
///
/// A manifest wins over every other source. It is read once per folder in a load.
public final class ManifestCache: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: [String: [String: Row]] = [:]

    public init() {}

    public struct Row: Sendable, Equatable {
        public var agency: String?
        public var province: String?
        public var city: String?
        public var county: String?
        public var township: String?
        public var year: Int?

        func apply(to report: inout Report) {
            if let agency {
                report.agency = agency
                if report.level == .other { report.level = MetadataExtractor.place(of: agency).level }
            }
            report.province = province ?? report.province
            report.city = city ?? report.city
            report.county = county ?? report.county
            report.township = township ?? report.township
            report.year = year ?? report.year
        }
    }

    /// Header names to fields. A constant (key paths are not Sendable, hence `nonisolated(unsafe)`).
    nonisolated(unsafe) static let columns: [String: WritableKeyPath<Row, String?>] = [
        "agency": \.agency, "机关": \.agency, "province": \.province, "省份": \.province, "city": \.city, "城市": \.city,
        "county": \.county, "区县": \.county, "township": \.township, "乡镇": \.township,
    ]

    /// The manifest row for `file`, from the manifest in its folder.
    public func row(for file: String) -> Row? {
        let url = URL(fileURLWithPath: file)
        let folder = url.deletingLastPathComponent().path
        lock.lock()
        defer { lock.unlock() }
        if folders[folder] == nil { folders[folder] = Self.read(folder) }
        return folders[folder]?[url.lastPathComponent]
    }

    static func read(_ folder: String) -> [String: Row] {
        for name in ["gongkai.tsv", "gongkai.csv"] {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path), data.count < 16 << 20 else { continue }
            guard let text = ScriptText.decode(Array(data)) else { continue }
            return parse(text, separator: name.hasSuffix(".tsv") ? "\t" : ",")
        }
        return [:]
    }

    static func parse(_ text: String, separator: Character) -> [String: Row] {
        var lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingSpaces } }
        guard !lines.isEmpty else { return [:] }
        let header = lines.removeFirst().map { $0.lowercased() }
        guard let fileColumn = header.firstIndex(where: { $0 == "file" || $0 == "文件" }) else { return [:] }
        let yearColumn = header.firstIndex { $0 == "year" || $0 == "年份" }
        var rows: [String: Row] = [:]
        for fields in lines where fileColumn < fields.count && !fields[fileColumn].isEmpty {
            var row = Row()
            for (index, name) in header.enumerated() where index < fields.count && !fields[index].isEmpty {
                if let key = columns[name] { row[keyPath: key] = fields[index] }
            }
            if let yearColumn, yearColumn < fields.count { row.year = Int(fields[yearColumn]) }
            rows[fields[fileColumn]] = row
        }
        return rows
    }
}
