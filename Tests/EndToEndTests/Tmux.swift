import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs tmux for the REPL tests on a socket of this test run's own, so a person's tmux is never
/// touched and the server the first `new-session` starts is ours alone.
///
/// Not through Foundation's `Process`: on Linux it learns that a child ended from a socket the child
/// inherits, and the tmux server forked by `new-session` inherits it too and keeps it open for its
/// whole life — `waitUntilExit` then never returns (the suite hung in CI this way). Here tmux starts
/// from a shell that first closes every descriptor above stderr (whatever other tests running in
/// parallel have open), and its end is awaited with `waitpid`, with a time limit.
enum Tmux {
    static let socket = "gongkai-tests-\(getpid())"

    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `tmux -L socket ARGUMENTS…`, returns what it printed on stdout. Gives up after `seconds`.
    @discardableResult
    static func run(_ arguments: [String], seconds: Double = 10) throws -> String {
        let closeAndExec = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; exec tmux -L "$0" "$@""#
        let argv = ["/bin/bash", "-c", closeAndExec, socket] + arguments

        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
        _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
        defer { close(pipeEnds[0]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil  // inside a person's tmux, tmux refuses to nest without this
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArguments.forEach { free($0) }; cEnvironment.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, cArguments, cEnvironment)
        close(pipeEnds[1])
        guard spawned == 0 else { throw Failure(description: "cannot start tmux: \(String(cString: strerror(spawned)))") }

        // The server (after new-session) closed its copy of the pipe with every other descriptor, so
        // end of file comes when the client is done; the poll keeps a stuck client from hanging the suite.
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var poller = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = read(pipeEnds[0], &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer[..<count]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw Failure(description: "tmux \(arguments.first ?? "") did not finish in \(seconds) s")
            }
            usleep(10_000)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
