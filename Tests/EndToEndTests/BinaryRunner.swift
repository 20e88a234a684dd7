import Foundation

/// Runs the built `gongkai` binary (next to the test bundle in the build folder) and captures what it
/// printed and its exit status.
struct BinaryRunner {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // `swift test` runs …/debug/gongkaiPackageTests.xctest; the binary is beside it.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("gongkai")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/gongkai")
    }

    static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seed").path)
    }

    static func shared(_ relative: String) -> String {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative).path
    }

    static func sample(_ name: String) -> String { packageRoot.appendingPathComponent("samples").appendingPathComponent(name).path }

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, stdinBytes: [UInt8]? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        if let stdinBytes { input.fileHandleForWriting.write(Data(stdinBytes)) }
        try input.fileHandleForWriting.close()
        // Both pipes drained at once: reading stdout to its end first would deadlock once the child has
        // written more to stderr than a pipe holds (64 KB) and waits for it to be read.
        let errorReader = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus)
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
