import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process whose output is collected and whose run is cut off at a time limit. posix_spawn
/// and waitpid directly: safe from any thread, and nothing of the parent's leaks into the child.
enum Subprocess {
    /// Held while pipes are made close-on-exec and while a child is spawned (see `run`).
    static let spawnLock = NSLock()

    struct Result {
        var stdout: [UInt8]
        var stderr: [UInt8]
        var status: Int32
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: String, _ arguments: [String], timeLimit: Double) throws -> Result {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        // The pipes are made close-on-exec under the lock every spawn takes: another thread spawning
        // pdftotext between pipe() and fcntl() would hand these descriptors to its child, and this
        // child's end of file would not come until that one ended. (glibc hides pipe2 from Swift.)
        spawnLock.lock()
        guard pipe(&outPipe) == 0 else { spawnLock.unlock(); throw Failure(description: "no pipe") }
        guard pipe(&errPipe) == 0 else {
            spawnLock.unlock()
            close(outPipe[0]); close(outPipe[1])
            throw Failure(description: "no pipe")
        }
        for descriptor in outPipe + errPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        spawnLock.unlock()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        // The child starts with no signal blocked and default handlers: the loading threads block INT,
        // TERM and HUP, and a child that inherited that mask would outlive an interrupted gongkai.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        spawnLock.lock()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        spawnLock.unlock()
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }

        var stdout: [UInt8] = [], stderr: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var open = [outPipe[0]: true, errPipe[0]: true]
        let deadline = Date().addingTimeInterval(timeLimit)
        while open.values.contains(true) {
            if Date() >= deadline {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                throw Failure(description: "gave up after \(Int(timeLimit)) s")
            }
            var pollers = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            guard poll(&pollers, nfds_t(pollers.count), 100) > 0 else { continue }
            for poller in pollers where poller.revents != 0 {
                let count = read(poller.fd, &buffer, buffer.count)
                if count <= 0 {
                    open[poller.fd] = false
                } else if poller.fd == outPipe[0] {
                    stdout += buffer[..<count]
                } else {
                    stderr += buffer[..<count]
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS by hand: the macros do not import.
        let exited = status & 0x7F == 0
        return Result(stdout: stdout, stderr: stderr, status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
    }
}
