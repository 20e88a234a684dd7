import Foundation
import Testing

/// The prose figures on every labelled real report opening of ../shared/corpus and ../shared/corpus2,
/// scored by `scripts/prose-accuracy` (one home for the scoring): no labelled distractor may come out as a
/// figure, and every figure given must be the labelled one (the single-channel ambiguity of the corpus2
/// README counted either way). Recall is printed, not asserted: it is what the next change should raise.
@Suite(.enabled(if: BinaryRunner.sharedAvailable, "needs ../shared"))
struct ProseAccuracyTests {
    @Test func noWrongFigureAndNoDistractor() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", BinaryRunner.packageRoot.appendingPathComponent("scripts/prose-accuracy").path, BinaryRunner.binary.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text)
        #expect(process.terminationStatus == 0, "a labelled distractor came out as a figure")
        let either = text.split(separator: "\n").filter { $0.contains(" either ") && $0.contains("precision") }
        #expect(either.count == 6)
        for line in either {
            #expect(line.contains("precision") && line.split(separator: "=")[1].trimmingCharacters(in: .whitespaces).hasPrefix("100.0%"), "\(line)")
        }
    }
}
