#if canImport(Glibc)
import Glibc
#endif

/// `loading 1200/10000 files…` on stderr while a large load runs; nothing when stderr is not a terminal
/// or the load is small.
final class ProgressLine {
    let total: Int
    let enabled: Bool
    var shown = false
    var lastPercent = -1

    init(total: Int) {
        self.total = total
        enabled = total >= 200 && isatty(2) != 0
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        let percent = total == 0 ? 100 : done * 100 / total
        guard percent != lastPercent else { return }
        lastPercent = percent
        shown = true
        Diagnostics.write("\rloading \(done)/\(total) files (\(percent)%)…")
    }

    func finish() {
        if shown { Diagnostics.write("\r\u{1B}[K") }
    }
}
