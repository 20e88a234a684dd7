#if canImport(Glibc)
import Glibc
#endif

/// Messages for people go to stderr, results to stdout, so output can be piped.
enum Diagnostics {
    static func error(_ message: String) { write("gongkai: error: \(message)\n") }
    static func warning(_ message: String) { write("gongkai: warning: \(message)\n") }
    static func note(_ message: String) { write(message + "\n") }

    /// Straight to file descriptor 2: no buffering to lose on exit, no C global to share.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
