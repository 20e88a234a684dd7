import Foundation

/// Where ../shared is (beside the checkout, or $GONGKAI_SHARED). Tests that need it skip when it is absent.
enum SharedFiles {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var root: URL? {
        if let path = ProcessInfo.processInfo.environment["GONGKAI_SHARED"] {
            return URL(fileURLWithPath: path)
        }
        let beside = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: beside.appendingPathComponent("corpus").path) ? beside : nil
    }

    static var available: Bool { root != nil }

    static func path(_ relative: String) -> String? {
        root.map { $0.appendingPathComponent(relative).path }
    }

    static var seedPath: String? { path("seed/000_0717abcba8b88f39.txt") }

    static func sample(_ name: String) -> String {
        packageRoot.appendingPathComponent("samples").appendingPathComponent(name).path
    }

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/GongkaiKitTests/Fixtures").appendingPathComponent(name).path
    }
}
