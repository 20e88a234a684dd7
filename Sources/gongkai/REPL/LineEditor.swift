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

    /// What the C callbacks reach, through the EditLine's client-data slot (this object, unretained:
    /// it owns the EditLine, so it outlives every callback).
    var completer: ((String, Int) -> Completion)?
    var discarded = false
    let prompt = UnsafeMutablePointer<wchar_t>.allocate(capacity: 64)

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
        prompt.initialize(repeating: 0, count: 64)
        gk_el_set_client(editLine, Unmanaged.passUnretained(self).toOpaque())
        gk_history_set_size(history, 2000)
        gk_history_set_unique(history, 1)
        if let historyPath { _ = gk_history_load(history, historyPath) }
        gk_el_set_history(editLine, history)
        gk_el_set_prompt(editLine, promptCallback)
        gk_el_set_editor(editLine, Self.wide("emacs"))
        gk_el_set_signal(editLine, 1)
        gk_el_no_isig(editLine)
        if gk_el_add_functions(editLine, completeCallback, discardCallback) != 0 {
            Diagnostics.warning("cannot bind Tab and Ctrl-C in the line editor")
        }
        el_source(editLine, nil)
    }

    /// The editor a callback was called for.
    static func of(_ editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = gk_el_client(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    deinit {
        el_end(editLine)
        history_wend(history)
        prompt.deallocate()
    }

    enum Input {
        case line(String)
        case discarded
        case endOfInput
    }

    func read(prompt text: String) -> Input {
        let scalars = Array(text.unicodeScalars.prefix(63))
        for (index, scalar) in scalars.enumerated() { prompt[index] = wchar_t(scalar.value) }
        prompt[scalars.count] = 0
        discarded = false
        var count: Int32 = 0
        let buffer = el_wgets(editLine, &count)
        // Ctrl-C on an empty line gives NULL too: it is a discarded line, not the end of input.
        if discarded { return .discarded }
        guard let buffer else { return .endOfInput }
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
    LineEditor.of(editLine)?.prompt
}

private func discardCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    LineEditor.of(editLine)?.discarded = true
    Diagnostics.write("^C\n")
    return UInt8(CC_NEWLINE)
}

private func completeCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editLine, let info = el_wline(editLine), let completer = LineEditor.of(editLine)?.completer else { return UInt8(CC_REFRESH_BEEP) }
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
