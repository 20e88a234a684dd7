import Foundation
import Testing
@testable import GongkaiKit

/// Answers that look right must be right: every report counted once, every body placed, same-named
/// places kept apart, findings current, empty answers explained.
struct TrustTests {
    static let root = FileManager.default.currentDirectoryPath
    static func sample(_ name: String) -> String { root + "/samples/" + name }

    /// A folder to build cases in; `write` puts a sample (edited) under a name.
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-trust-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        @discardableResult
        func write(_ name: String, from sample: String, _ edit: (String) -> String = { $0 }) throws -> String {
            let text = try String(contentsOfFile: TrustTests.sample(sample), encoding: .utf8)
            let path = url.appendingPathComponent(name).path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(edit(text).utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    static func rows(_ session: Session, _ statement: String) throws -> [[DatabaseValue]] {
        guard case .rows(let result) = try session.execute(statement) else { return [] }
        return result.rows
    }

    static let qingshi = "示范市东湖区青石街道-2021-合成样例.txt"
    static let liuan = "示范市东湖区柳岸街道-2021-合成样例.txt"

    /// Two files of one body and year with different numbers: one kept (here the correction), the
    /// other named with what differs, and a finding lists the pair.
    @Test func oneReportPerBodyAndYear() throws {
        let folder = try Folder()
        let original = try folder.write("青石街道-2021.txt", from: Self.qingshi)
        let corrected = try folder.write("青石街道-2021-更正.txt", from: Self.qingshi) { $0.replacing("共主动公开政府信息532条", with: "共主动公开政府信息540条") }
        let session = try Session.open(path: nil)
        let summary = try session.load(files: [corrected, original])
        #expect(summary.loaded == [corrected])
        #expect(summary.notes.contains { $0.contains("kept \(corrected)") && $0.contains("skipped \(original)") && $0.contains("一 主动公开总数: kept 540, skipped 532") })
        #expect(try Self.rows(session, "active by township where year = 2021") == [[.text("青石街道"), .integer(540)]])
        // Raw SQL on finding sees the audit of what is loaded: it runs first.
        let findings = try Self.rows(session, "sql SELECT location FROM finding WHERE rule = 'duplicate_report'")
        #expect(findings == [[.text(original)]])
        guard case .report(let audit, _) = try session.execute("check duplicate_report") else { Issue.record("no audit"); return }
        #expect(audit.rows.count == 1)
        #expect(audit.rows.first?.last == .text(corrected))
        #expect(audit.rows.first?.contains(.text(original)) == true)

        // Kept both on request: each its own row, the note and the finding say sums count both.
        let both = try Session.open(path: nil)
        both.keepDuplicates = true
        let twice = try both.load(files: [original, corrected])
        #expect(twice.loaded.count == 2)
        // Loaded in that order, the corrected file is named first: its value first.
        #expect(twice.notes.contains { $0.contains("sums count both") && $0.contains("\(corrected) and \(original)") && $0.contains("一 主动公开总数: first 540, second 532") })
        guard case .report(let pair, _) = try both.execute("check duplicate_report") else { Issue.record("no audit"); return }
        #expect(pair.rows.count == 1)
    }

    /// The same file loaded in a later load after another version: the better one replaces it.
    @Test func aLaterLoadReplacesAWorseVersion() throws {
        let folder = try Folder()
        // The first version has a cell that is not a number: fewer cells read.
        let damaged = try folder.write("a/青石街道-2021.txt", from: Self.qingshi) { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let label = lines.firstIndex(where: { $0.contains("（二）部分公开") }) { lines[label + 1] = "\t/" }
            return lines.joined(separator: "\n")
        }
        let whole = try folder.write("b/青石街道-2021.txt", from: Self.qingshi)
        let session = try Session.open(path: nil)
        _ = try session.load(files: [damaged])
        let second = try session.load(files: [whole])
        #expect(second.loaded == [whole])
        #expect(second.notes.contains { $0.contains("more table cells read") })
        #expect(try Self.rows(session, "sql SELECT file FROM report") == [[.text(whole)]])
        #expect(try Self.rows(session, "sql SELECT count(*) FROM request r LEFT JOIN report p ON p.id = r.report_id WHERE p.id IS NULL") == [[.integer(0)]])
        #expect(try Self.rows(session, "sql SELECT file FROM duplicate_report") == [[.text(damaged)]])
    }

    /// Two 柳岸街道 of two counties are two rows, labelled with their county; a bare-name filter takes both.
    @Test func sameNamedPlacesAreNotMerged() throws {
        let folder = try Folder()
        let east = try folder.write("东湖区柳岸街道-2021.txt", from: Self.liuan)
        let west = try folder.write("西山县柳岸街道-2021.txt", from: Self.liuan) { $0.replacing("东湖区", with: "西山县").replacing("506", with: "600") }
        let session = try Session.open(path: nil)
        _ = try session.load(files: [east, west])
        let rows = try Self.rows(session, "active by township")
        #expect(rows == [[.text("东湖区 柳岸街道"), .integer(506)], [.text("西山县 柳岸街道"), .integer(600)]])
        #expect(try Self.rows(session, "reports where 乡镇 = 柳岸街道") == [[.integer(2)]])
        // With one 柳岸街道 only, the bare name.
        let one = try Session.open(path: nil)
        _ = try one.load(files: [east])
        #expect(try Self.rows(one, "active by township") == [[.text("柳岸街道"), .integer(506)]])
    }

    /// Titles that name the body alone: the place comes from the gazetteer, the folder, the same body's
    /// other reports or a manifest — each recorded — and a shared name is left empty with a warning.
    @Test func placesAreResolvedAndTheirSourceKept() throws {
        let seed = "威海市环翠区羊亭镇-2021.txt"
        func retitled(_ title: String) -> (String) -> String {
            { text in title + "\n" + text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n") }
        }
        let folder = try Folder()
        let gazetteer = try folder.write("羊亭镇-2021.txt", from: seed, retitled("羊亭镇人民政府2021年政府信息公开工作年度报告"))
        let path = try folder.write("威海市/环翠区/温泉镇-2021.txt", from: seed) { retitled("温泉镇人民政府2021年政府信息公开工作年度报告")($0.replacing("羊亭", with: "温泉")) }
        let shared = try folder.write("城关镇-2021.txt", from: seed) { retitled("城关镇人民政府2021年政府信息公开工作年度报告")($0.replacing("羊亭", with: "城关")) }
        let manifestPlaced = try folder.write("m/城关镇年报.txt", from: seed) { retitled("城关镇人民政府2022年政府信息公开工作年度报告")($0.replacing("羊亭", with: "城关").replacing("2021", with: "2022")) }
        try Data("file\tcounty\tcity\tprovince\n城关镇年报.txt\t永登县\t兰州市\t甘肃省\n".utf8).write(to: folder.url.appendingPathComponent("m/gongkai.tsv"))
        let liuan2021 = try folder.write("示范市东湖区柳岸街道-2021.txt", from: Self.liuan)
        let liuan2022 = try folder.write("柳岸街道-2022.txt", from: "示范市东湖区柳岸街道-2022-合成样例.txt") { $0.replacing("示范市东湖区柳岸街道", with: "柳岸街道") }
        let session = try Session.open(path: nil)
        let summary = try session.load(files: [gazetteer, path, shared, manifestPlaced, liuan2021, liuan2022])
        #expect(summary.loaded.count == 6)
        let places = try Self.rows(session, "sql SELECT township, province, city, county, county_source, city_source FROM report ORDER BY id")
        #expect(places[0] == [.text("羊亭镇"), .text("山东省"), .text("威海市"), .text("环翠区"), .text("gazetteer"), .text("gazetteer")])
        #expect(places[1] == [.text("温泉镇"), .text("山东省"), .text("威海市"), .text("环翠区"), .text("folder"), .text("folder")])
        #expect(places[2] == [.text("城关镇"), .null, .null, .null, .null, .null])
        #expect(places[3] == [.text("城关镇"), .text("甘肃省"), .text("兰州市"), .text("永登县"), .text("manifest"), .text("manifest")])
        #expect(places[5] == [.text("柳岸街道"), .null, .text("示范市"), .text("东湖区"), .text("same_body"), .text("same_body")])
        let warning = try Self.rows(session, "sql SELECT message FROM finding WHERE rule = 'parse:place_ambiguous'")
        #expect(warning.count == 1)
        #expect(warning.first?.first?.string?.hasPrefix("城关镇: 82 places, e.g. ") == true)
        #expect(summary.notes.contains { $0.hasPrefix("1 report(s) name their township but no county") })
        // The dimension: where each county came from.
        // In the order the sources are tried (a closed list sorts in its own order), NULL last.
        #expect(try Self.rows(session, "reports by place_source") == [[.text("title"), .integer(1)], [.text("folder"), .integer(1)], [.text("same_body"), .integer(1)],
                                                                      [.text("gazetteer"), .integer(1)], [.text("manifest"), .integer(1)], [.null, .integer(1)]])
        // 区县 = 东湖区 now finds the 2022 report too.
        #expect(try Self.rows(session, "reports by year where 区县 = 东湖区") == [[.integer(2021), .integer(1)], [.integer(2022), .integer(1)]])
    }

    /// In a fresh session the findings are those of the audit of what is loaded, without typing `check`.
    @Test func findingsAreCurrentWithoutCheck() throws {
        let session = try Session.open(path: nil)
        _ = try session.load(files: try ReportPaths.expand([Self.root + "/samples"]).files)
        let errors = try Self.rows(session, "findings where severity = error")
        #expect(errors == [[.integer(8)]])
        #expect(session.notes.contains { $0.contains("ran it first") })
        session.notes.removeAll()
        _ = try Self.rows(session, "findings by rule")
        #expect(session.notes.isEmpty, "the audit runs once, not for every statement")
    }

    /// An empty answer whose filter value matches nothing loaded says what is close; nothing is substituted.
    @Test func emptyAnswersHint() throws {
        let session = try Session.open(path: nil)
        _ = try session.load(files: try ReportPaths.expand([Self.root + "/samples"]).files)
        #expect(try Self.rows(session, "requests by township where 乡镇 = 桃源").isEmpty)
        #expect(session.notes == ["no township (乡镇) = “桃源” in the loaded reports; did you mean “桃源镇”?"])
        session.notes.removeAll()
        #expect(try Self.rows(session, "requests where 区县 = 西山").first == [.null])
        session.notes.removeAll()
        _ = try Self.rows(session, "requests by county where 区县 = 西山")
        #expect(session.notes == ["no county (区县) = “西山” in the loaded reports; did you mean “西山县”?"])
    }
}

/// Two different reports with a generic title, no agency, the same year and the same numbers differ in
/// their words: both are loaded (the values key had them as one and dropped the second).
struct DifferentReportsTests {
    @Test func wordsTellReportsApart() throws {
        let folder = try TrustTests.Folder()
        func generic(_ words: String) -> (String) -> String {
            { text in
                // No agency anywhere: a generic title, and the opening sentence without the body's name.
                var lines = text.replacing("羊亭镇人民政府", with: "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines[0] = "2021年政府信息公开工作年度报告"
                if let index = lines.firstIndex(where: { $0.contains("主动公开政府信息情况。") }) { lines[index] += words }
                return lines.joined(separator: "\n")
            }
        }
        let first = try folder.write("局一.txt", from: "威海市环翠区羊亭镇-2021.txt", generic("本局重点公开了财政预决算信息。"))
        let second = try folder.write("局二.txt", from: "威海市环翠区羊亭镇-2021.txt", generic("本局重点公开了行政执法信息。"))
        let session = try Session.open(path: nil)
        let summary = try session.load(files: [first, second])
        #expect(try ReportReader().read(file: first).agency == nil)
        #expect(summary.loaded == [first, second], "\(summary.notes)")
    }
}
