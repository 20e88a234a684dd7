import Foundation

/// China's administrative divisions as of 2025-12-31 (the Ministry of Civil Affairs' list: 33 provinces,
/// 333 prefectures, 2,845 counties, 38,723 townships), from `Resources/gazetteer.tsv` (built by
/// `scripts/make-gazetteer`; provenance and license beside it). Read once, on first use, and only when a
/// report's place is incomplete. Answers which places carry a name, and what lies above each.
public final class Gazetteer: Sendable {
    public struct Division: Sendable, Equatable {
        /// 1 province, 2 prefecture (市/州/盟), 3 county (县/区/旗/县级市), 4 township (镇/乡/街道).
        public var level: Int
        public var code: String
        public var parent: Int?
        public var name: String
    }

    /// A township or county with what lies above it (municipalities have no prefecture level).
    public struct Place: Sendable, Equatable {
        public var province: String?
        public var city: String?
        public var county: String?
        public var township: String?
    }

    let divisions: [Division]
    let byName: [String: [Int]]

    init(tsv: String) {
        var divisions: [Division] = []
        var parentCodes: [String] = []
        var index: [String: Int] = [:]
        for line in tsv.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let level = Int(fields[0]) else { continue }
            index[String(fields[1])] = divisions.count
            divisions.append(Division(level: level, code: String(fields[1]), parent: nil, name: String(fields[3])))
            parentCodes.append(String(fields[2]))
        }
        for position in divisions.indices { divisions[position].parent = index[parentCodes[position]] }
        var byName: [String: [Int]] = [:]
        for (position, division) in divisions.enumerated() { byName[division.name, default: []].append(position) }
        self.divisions = divisions
        self.byName = byName
    }

    /// The gazetteer shipped with gongkai; nil (and places are resolved from the reports alone) when the
    /// resource cannot be found beside the program or in the source tree.
    public static let shared: Gazetteer? = {
        for path in resourcePaths() {
            if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) {
                return Gazetteer(tsv: text)
            }
        }
        return nil
    }()

    /// Where the resource may be: SwiftPM's resource bundle beside the executable (or the test bundle),
    /// else the source tree this file was built from. Never `Bundle.module`, which stops the program
    /// when the bundle has been left behind.
    static func resourcePaths() -> [String] {
        var folders: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        folders.append(URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent())
        var paths = folders.flatMap { folder in
            ["gongkai_GongkaiKit.resources", "GongkaiKit_GongkaiKit.resources", "../gongkai_GongkaiKit.resources"].map {
                folder.appendingPathComponent($0).appendingPathComponent("gazetteer.tsv").path
            }
        }
        paths.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/gazetteer.tsv").path)
        return paths
    }

    /// Every division of `level` called `name`, with what lies above it.
    public func places(named name: String, level: Int) -> [Place] {
        (byName[name] ?? []).filter { divisions[$0].level == level }.map(place(of:))
    }

    func place(of position: Int) -> Place {
        var place = Place()
        var current: Int? = position
        while let at = current {
            let division = divisions[at]
            switch division.level {
            case 1: place.province = division.name
            case 2: place.city = division.name
            case 3: place.county = division.name
            default: place.township = division.name
            }
            current = division.parent
        }
        // A municipality (北京市 …) is its own city.
        if place.city == nil, let province = place.province, province.hasSuffix("市") { place.city = province }
        return place
    }

    /// True when `name` is a division of any level: a word in a path or a text that names a place.
    public func knows(_ name: String) -> Bool { byName[name] != nil }
}
