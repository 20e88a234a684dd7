import CEditLine
import Foundation

/// Starts a program on a pseudo-terminal (so it believes a person is there) and times its first prompt.
enum Terminal {
    static func timeToPrompt(binary: String, prompt: String) throws -> Double {
        let master = gk_openpt()
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw POSIXError(.ENOTTY)
        }
        let slavePath = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, slavePath, O_RDWR, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID: the terminal becomes its controlling one
        var pid: pid_t = 0
        let history = NSTemporaryDirectory() + "gongkai-bench-history"
        let arguments = [binary]
        let environment = ["TERM=xterm", "LANG=C.UTF-8", "GONGKAI_HISTORY=\(history)", "HOME=\(NSTemporaryDirectory())"]
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        let start = Measure.now()
        guard posix_spawn(&pid, binary, &actions, &attributes, &argv, &envp) == 0 else { throw POSIXError(.ENOEXEC) }
        var seen = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = start + 10
        while Measure.now() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 100) > 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                seen += String(decoding: buffer[..<count], as: UTF8.self)
                if seen.contains(prompt) { break }
            }
        }
        let elapsed = Measure.now() - start
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
        guard seen.contains(prompt) else { throw POSIXError(.ETIMEDOUT) }
        return elapsed
    }
}
