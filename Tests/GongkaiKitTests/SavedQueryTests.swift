import Foundation
import Testing
@testable import GongkaiKit

/// Every saved query file in queries/ runs on the samples: every statement succeeds and returns rows.
struct SavedQueryTests {
    static let folder = SharedFiles.packageRoot.appendingPathComponent("queries").path
    static var files: [String] { FileBytes.files(under: folder).filter { $0.hasSuffix(".gkq") } }

    @Test func thereAreSavedQueries() {
        #expect(Self.files.count >= 5)
    }

    @Test(arguments: SavedQueryTests.files)
    func runsOnTheSamples(file: String) throws {
        let session = try QueryLanguageTests.session()
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let steps = Step.all(text, session)
        #expect(!steps.isEmpty)
        for step in steps {
            switch step.result {
            case .failure(let failure):
                Issue.record("\(file): \(failure.render(source: text, origin: file, statement: step.statement))")
            case .success(.rows(let result)), .success(.report(let result, _)):
                #expect(!result.rows.isEmpty, "\(file): \(step.statement?.name ?? "?") returned no rows")
                #expect(step.statement?.name != nil, "\(file): every saved statement has a -- name:")
            case .success:
                continue
            }
        }
    }
}
