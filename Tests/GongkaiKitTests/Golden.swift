import Foundation
import Testing

/// Golden files: expected output kept as files under Fixtures/golden. Run with GONGKAI_RECORD=1 to write
/// them anew from the current output (then read the diff before committing).
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["GONGKAI_RECORD"] == "1" }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = SharedFiles.fixture("golden/\(name)")
        if recording {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let expected = FileManager.default.contents(atPath: path) else {
            Issue.record("golden file \(name) is missing; run with GONGKAI_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == String(decoding: expected, as: UTF8.self), "output differs from golden/\(name)", sourceLocation: sourceLocation)
    }
}
