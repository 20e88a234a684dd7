import Synchronization
import CEditLine
import CSQLite
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

/// The interactive loop: a prompt, a continuation prompt while a statement is incomplete (it ends with
/// `;`, a blank line, or as soon as it parses whole), meta-commands, history and completion. Errors never
/// end the session. Ctrl-C discards the line being typed or interrupts the running query; Ctrl-D on an
/// empty line leaves.
struct REPL {
    let shell: Shell

    func run(banner: String) {
        let historyPath = ProcessInfo.environment("GONGKAI_HISTORY") ?? ProcessInfo.environment("HOME").map { $0 + "/.gongkai_history" }
        guard let editor = LineEditor(program: "gongkai", historyPath: historyPath) else {
            Diagnostics.error("cannot start line editing; reading statements without it")
            _ = PipedInput(shell: shell).run()
            return
        }
        print(banner)
        let session = shell.session
        editor.completer = { line, cursor in
            let result = Completer(session: session).complete(line, cursor: cursor)
            return LineEditor.Completion(insert: result.insert, candidates: result.candidates)
        }
        interruptTarget = session.database.connection
        session.interrupted = { interruptRequested.load(ordering: .relaxed) }
        signal(SIGINT, interruptHandler)
        var buffer = ""
        while !shell.quitRequested {
            switch editor.read(prompt: buffer.isEmpty ? "gongkai> " : "   ...> ") {
            case .endOfInput:
                print("")
                return
            case .discarded:
                buffer = ""
            case .line(let line):
                let blank = line.allSatisfy(\.isWhitespace)
                if buffer.isEmpty {
                    if blank { continue }
                    if line.drop(while: \.isWhitespace).hasPrefix(".") {
                        editor.remember(line)
                        // Ctrl-C cancels a `.load` (its inserts are interrupted; the load rolls back).
                        Self.enableInterruptKey()
                        shell.meta(line)
                        gk_flush_stdout()
                        continue
                    }
                }
                if !blank { buffer += (buffer.isEmpty ? "" : "\n") + line }
                guard blank || shell.isComplete(buffer) else { continue }
                editor.remember(buffer)
                Self.enableInterruptKey()
                shell.run(buffer)
                gk_flush_stdout()
                buffer = ""
            }
        }
    }
}

extension REPL {
    /// libedit leaves the terminal without ISIG after a line (we turned it off to bind Ctrl-C while
    /// editing); while a query runs, Ctrl-C must raise SIGINT so the handler can interrupt SQLite.
    /// SIGINT is also found blocked in the process's signal mask by then: unblock it.
    static func enableInterruptKey() {
        interruptRequested.store(false, ordering: .relaxed)
        var settings = termios()
        if tcgetattr(0, &settings) == 0 {
            settings.c_lflag |= tcflag_t(ISIG)
            tcsetattr(0, TCSANOW, &settings)
        }
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// Statements from a pipe or a file: no prompts, no editing; meta-command lines run where they stand.
struct PipedInput {
    let shell: Shell

    /// False when the input could not be read as UTF-8 text.
    func run() -> Bool {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        guard let text = ScriptText.decode(bytes) else {
            Diagnostics.error("standard input is not UTF-8 text (a GBK query file? save it as UTF-8)")
            return false
        }
        // Statements between meta-command lines run as one piece; errors count lines from the piece's
        // first line. (Padding the piece with the lines before it made long inputs quadratic.)
        var statements: [Substring] = []
        var firstLine = 1
        func flush() {
            if !statements.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                shell.run(statements.joined(separator: "\n"), origin: "<stdin>", firstLine: firstLine)
            }
            statements.removeAll()
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.drop(while: \.isWhitespace).hasPrefix(".") {
                flush()
                firstLine = index + 2
                shell.meta(String(line))
                if shell.quitRequested { return true }
            } else {
                if statements.isEmpty { firstLine = index + 1 }
                statements.append(line)
            }
        }
        flush()
        return true
    }
}

nonisolated(unsafe) private var interruptTarget: OpaquePointer?
/// Set by Ctrl-C, for work between SQL statements (a load parsing its files); cleared before each
/// statement or meta-command.
let interruptRequested = Atomic<Bool>(false)

private func interruptHandler(_ signal: Int32) {
    interruptRequested.store(true, ordering: .relaxed)
    if let interruptTarget { sqlite3_interrupt(interruptTarget) }
}

enum ProcessInfo {
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
