import CEditLine
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

/// libedit through its wide-character API: Chinese typing and cursor movement work once the locale is
/// set (without setlocale libedit silently drops CJK keystrokes). History is loaded and saved after
/// every entry, so a killed session keeps it. Ctrl-C discards the line being typed; Tab calls the
/// completer. `~/.editrc` is honoured.
final class LineEditor {
    let editLine: OpaquePointer
    let history: OpaquePointer
    let historyPath: String?
    var historyWarned = false

    /// What the C callbacks reach: one editor per process.
    nonisolated(unsafe) static var completer: ((String, Int) -> Completion)?
    nonisolated(unsafe) static var discarded = false
    nonisolated(unsafe) static var prompt = UnsafeMutablePointer<wchar_t>.allocate(capacity: 64)

    struct Completion {
        /// Text to insert at the cursor (the rest of a unique candidate, or the common prefix).
        var insert: String
        /// Candidates to list when there is no single one.
        var candidates: [String]
    }

    init?(program: String, historyPath: String?) {
        if setlocale(LC_ALL, "") == nil { setlocale(LC_ALL, "C.UTF-8") }
        guard let editLine = gk_el_init(program), let history = history_winit() else { return nil }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        gk_history_set_size(history, 2000)
        gk_history_set_unique(history, 1)
        if let historyPath { _ = gk_history_load(history, historyPath) }
        gk_el_set_history(editLine, history)
        gk_el_set_prompt(editLine, promptCallback)
        gk_el_set_editor(editLine, Self.wide("emacs"))
        gk_el_set_signal(editLine, 1)
        gk_el_no_isig(editLine)
        gk_el_add_function(editLine, Self.wide("gk-complete"), Self.wide("complete a name or value"), completeCallback)
        gk_el_add_function(editLine, Self.wide("gk-discard"), Self.wide("discard the line"), discardCallback)
        gk_el_bind(editLine, Self.wide("^I"), Self.wide("gk-complete"))
        gk_el_bind(editLine, Self.wide("^C"), Self.wide("gk-discard"))
        el_source(editLine, nil)
    }

    deinit {
        history_wend(history)
        el_end(editLine)
    }

    enum Input {
        case line(String)
        case discarded
        case endOfInput
    }

    func read(prompt text: String) -> Input {
        let scalars = Array(text.unicodeScalars.prefix(63))
        for (index, scalar) in scalars.enumerated() { Self.prompt[index] = wchar_t(scalar.value) }
        Self.prompt[scalars.count] = 0
        Self.discarded = false
        var count: Int32 = 0
        guard let buffer = el_wgets(editLine, &count) else { return .endOfInput }
        if Self.discarded { return .discarded }
        // After a custom function ends the line the buffer is not NUL-terminated: use the count.
        var line = String.UnicodeScalarView()
        for index in 0..<Int(count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: buffer[index])) { line.append(scalar) }
        }
        var text = String(line)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }

    /// Adds an entry and saves the file at once; a failure to save is said once, never fatal.
    func remember(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        _ = gk_history_enter(history, Self.wide(entry))
        guard let historyPath else { return }
        if gk_history_save(history, historyPath) < 0, !historyWarned {
            historyWarned = true
            Diagnostics.warning("cannot write the history file \(historyPath); history is kept for this session only")
        }
    }

    static func wide(_ text: String) -> [wchar_t] {
        text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
    }
}

private func promptCallback(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<wchar_t>? {
    LineEditor.prompt
}

private func discardCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    LineEditor.discarded = true
    Diagnostics.write("^C\n")
    return UInt8(CC_NEWLINE)
}

private func completeCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editLine, let info = el_wline(editLine), let completer = LineEditor.completer else { return UInt8(CC_REFRESH_BEEP) }
    let start = info.pointee.buffer
    let cursor = info.pointee.cursor
    guard let start, let cursor else { return UInt8(CC_REFRESH_BEEP) }
    var scalars = String.UnicodeScalarView()
    var pointer = start
    var cursorIndex = 0
    let end = info.pointee.lastchar ?? cursor
    while pointer < end {
        if pointer == cursor { cursorIndex = scalars.count }
        if let scalar = Unicode.Scalar(UInt32(bitPattern: pointer.pointee)) { scalars.append(scalar) }
        pointer += 1
    }
    if cursor >= end { cursorIndex = scalars.count }
    let completion = completer(String(scalars), cursorIndex)
    if !completion.insert.isEmpty {
        _ = el_winsertstr(editLine, LineEditor.wide(completion.insert))
        return UInt8(CC_REFRESH)
    }
    guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    let width = gk_terminal_columns()
    var line = ""
    var out = "\n"
    for candidate in completion.candidates {
        // Candidates in columns of 18, a longer one taking what it needs plus a gap.
        let cell = DisplayWidth.of(candidate) >= 18 ? candidate + "  " : DisplayWidth.pad(candidate, to: 18)
        if DisplayWidth.of(line + cell) > width { out += line + "\n"; line = "" }
        line += cell
    }
    out += line + "\n"
    print(out, terminator: "")
    gk_flush_stdout()
    return UInt8(CC_REDISPLAY)
}
