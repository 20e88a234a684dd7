import Foundation

/// China's administrative divisions as of 2025-12-31 (the Ministry of Civil Affairs' list: 33 provinces,
/// 333 prefectures, 2,845 counties, 38,723 townships), from `Resources/gazetteer.tsv` (built by
/// `scripts/make-gazetteer`; provenance and license beside it). Read once, on first use, and only when a
/// report's place is incomplete. Answers which places carry a name, and what lies above each.
public final class Gazetteer: Sendable {
    public struct Division: Sendable, Equatable {
        /// 1 province, 2 prefecture (市/州/盟), 3 county (县/区/旗/县级市), 4 township (镇/乡/街道).
        public var level: Int
        /// The division above, by position (the file lists a parent before its children).
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

    /// Lines `level \t parent line \t name` (see gazetteer-provenance.md), read on bytes: it is loaded
    /// when a load meets its first incomplete place, and must not cost the REPL's start-up much.
    init(tsv bytes: [UInt8]) {
        var divisions: [Division] = []
        divisions.reserveCapacity(42_000)
        var byName: [String: [Int]] = [:]
        byName.reserveCapacity(40_000)
        var index = 0
        let count = bytes.count
        func number() -> Int {
            var negative = false, value = 0
            if index < count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 { value = value * 10 + Int(bytes[index] - 0x30); index += 1 }
            return negative ? -value : value
        }
        while index < count {
            let level = number()
            index += 1
            let parent = number()
            index += 1
            let start = index
            while index < count, bytes[index] != 0x0A { index += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            guard (1...4).contains(level), !name.isEmpty else { continue }
            byName[name, default: []].append(divisions.count)
            divisions.append(Division(level: level, parent: parent >= 0 && parent < divisions.count ? parent : nil, name: name))
        }
        self.divisions = divisions
        self.byName = byName
    }

    /// The gazetteer shipped with gongkai; nil (and places are resolved from the reports alone) when the
    /// resource cannot be found beside the program or in the source tree.
    public static let shared: Gazetteer? = {
        for path in resourcePaths() {
            if let bytes = try? FileBytes.read(path) { return Gazetteer(tsv: bytes) }
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
}
