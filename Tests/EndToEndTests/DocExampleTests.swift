import Foundation
import Testing

/// Docs are tests: every example in README.md and docs/ written as a REPL exchange — `gongkai> STATEMENT`
/// (continued on `   ...> ` lines) and the output under it — is run over the bundled samples, and its
/// output must be what the doc shows. Meta-command lines (`gongkai> .mode csv`) earlier in the same block
/// run before it. A command line `$ gongkai ARGS…` is run from the package's folder with those arguments
/// (split at spaces) and must print what follows it. Regenerating the samples makes this fail until the
/// docs are updated (`scripts/regen-doc-examples` rewrites them).
struct DocExampleTests {
    struct Example: CustomStringConvertible {
        var file: String
        var line: Int
        var setup: [String]
        var statement: String
        var expected: String
        /// `$ gongkai ARGS…`: arguments, not a statement typed at the prompt.
        var isCommand = false
        var description: String { "\(file):\(line): \(statement)" }
    }

    static func examples() throws -> [Example] {
        let root = BinaryRunner.packageRoot
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        var examples: [Example] = []
        for file in ["README.md"] + docs {
            let text = try String(contentsOfFile: root.appendingPathComponent(file).path, encoding: .utf8)
            var inBlock = false
            var setup: [String] = []
            var current: Example?
            func finish() {
                if var example = current {
                    example.expected = example.expected.trimmingCharacters(in: .newlines) + "\n"
                    examples.append(example)
                }
                current = nil
            }
            for (index, line) in text.components(separatedBy: "\n").enumerated() {
                if line.hasPrefix("```") {
                    if inBlock { finish(); setup = [] }
                    inBlock.toggle()
                    continue
                }
                guard inBlock else { continue }
                if line.hasPrefix("$ gongkai ") {
                    finish()
                    current = Example(file: file, line: index + 1, setup: [], statement: String(line.dropFirst("$ gongkai ".count)), expected: "", isCommand: true)
                } else if line.hasPrefix("gongkai> ") {
                    finish()
                    let statement = String(line.dropFirst("gongkai> ".count))
                    if statement.hasPrefix(".") { setup.append(statement); continue }
                    current = Example(file: file, line: index + 1, setup: setup, statement: statement, expected: "")
                } else if line.hasPrefix("   ...> "), current != nil, current?.expected.isEmpty == true {
                    current?.statement += "\n" + line.dropFirst("   ...> ".count)
                } else if current != nil {
                    current?.expected += line + "\n"
                }
            }
        }
        return examples
    }

    @Test func thereAreExamples() throws {
        #expect(try Self.examples().count >= 10)
    }

    @Test(arguments: try DocExampleTests.examples())
    func exampleOutputIsWhatTheBinaryPrints(example: Example) throws {
        let result: BinaryRunner.Result
        if example.isCommand {
            result = try BinaryRunner.run(example.statement.split(separator: " ").map(String.init))
        } else {
            let input = (example.setup + [example.statement]).joined(separator: "\n") + "\n"
            result = try BinaryRunner.run([], stdin: input)
        }
        // stderr after stdout, as a terminal shows a statement's error under nothing else.
        let printed = (result.stdout + result.stderr).replacing(try Regex("<stdin>:[0-9]+:[0-9]+: "), with: "")
        #expect(Self.trimmed(printed) == Self.trimmed(example.expected), "\(example)")
    }

    /// Trailing spaces are not part of what a doc shows.
    static func trimmed(_ text: String) -> String {
        text.components(separatedBy: "\n").map { line in
            var line = Substring(line)
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}
