import Foundation
@testable import GongkaiKit

/// Runs tmux for the REPL tests on a socket of this test run's own, so a person's tmux is never
/// touched and the server the first `new-session` starts is ours alone.
///
/// Not through Foundation's `Process`: on Linux it learns that a child ended from a socket the child
/// inherits, and the tmux server forked by `new-session` inherits it too and keeps it open for its
/// whole life — `waitUntilExit` then never returns (the suite hung in CI this way). tmux is started
/// by gongkai's own `Subprocess` (posix_spawn, waitpid, a time limit) from a shell that first closes
/// every descriptor above stderr (whatever other tests running in parallel have open).
enum Tmux {
    static let socket = "gongkai-tests-\(getpid())"

    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// tmux leaves its socket file behind when the server ends, one more in /tmp/tmux-UID for every run
    /// of the suite: those of runs whose process is gone are removed, once, before this run's first
    /// command. (Not this run's own at the end of each test: `kill-server` returns before the server has
    /// gone, and the next test's `new-session` could reach the dying one.)
    static let staleSocketsRemoved: Void = {
        let folder = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("gongkai-tests-") {
            let digits = name.dropFirst("gongkai-tests-".count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }()

    /// A session that lives as long as this test process, so the tmux server never exits between tests.
    /// When a test's last session is killed the server exits, and the next test's `new-session` could
    /// reach it while it was exiting: that session died at once and the screen stayed empty (seen about
    /// once in 50 starts). The keeper ends by itself when the test process has gone, and the server then.
    static let keeperStarted: Void = {
        _ = staleSocketsRemoved
        _ = try? raw(["new-session", "-d", "-s", "keeper", "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done"], seconds: 10)
    }()

    /// Runs `tmux -L socket ARGUMENTS…`, returns what it printed on stdout. Gives up after `seconds`.
    @discardableResult
    static func run(_ arguments: [String], seconds: Double = 10) throws -> String {
        _ = keeperStarted
        return try raw(arguments, seconds: seconds)
    }

    static func raw(_ arguments: [String], seconds: Double) throws -> String {
        // `unset TMUX`: inside a person's tmux, tmux refuses to nest without it.
        let closeAndExec = #"unset TMUX; for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; exec tmux -L "$0" "$@""#
        let result = try Subprocess.run("/bin/bash", ["-c", closeAndExec, socket] + arguments, timeLimit: seconds)
        return String(decoding: result.stdout, as: UTF8.self)
    }
}
