/// Aligned columns for the terminal. Widths are display widths (a CJK character takes two columns), so
/// Chinese labels line up; numbers are right-aligned; NULL is empty (or `RenderOptions.nullValue`); a row count closes the table.
public enum TableRenderer {
    public static let maxColumnWidth = 60

    /// `cutWide`: cells wider than `maxColumnWidth` end in `…` — for a terminal; a file gets every
    /// character (a finding's message is exactly the numbers an auditor needs).
    public static func render(_ result: ResultSet, null: String = "", cutWide: Bool = true) -> String {
        guard !result.columns.isEmpty else { return "" }
        let columnCount = result.columns.count
        // Pass 1: every cell's text, back to back in one byte buffer, with where it ends and its display
        // width; the column widths and which columns are numeric on the way. Bytes, not a String per
        // cell: this table is often 12,000 rows (channels by township), and an audit of 100,000 reports
        // prints 480,000 findings (176 MB), where every copy and every page of memory shows.
        var texts: [UInt8] = []
        texts.reserveCapacity(result.estimatedTextBytes)
        var ends: [Int] = []
        var cellWidths: [Int] = []
        ends.reserveCapacity(result.rows.count * columnCount)
        cellWidths.reserveCapacity(result.rows.count * columnCount)
        var widths = result.columns.map { DisplayWidth.of($0) }
        var hasValue = [Bool](repeating: false, count: columnCount)
        var allNumbers = [Bool](repeating: true, count: columnCount)
        let percent = result.columns.map { result.percentColumns.contains($0) }
        for row in result.rows {
            for (column, value) in row.enumerated() {
                if value != .null {
                    hasValue[column] = true
                    if !value.isNumeric { allNumbers[column] = false }
                }
                let start = texts.count
                if percent[column], let shown = CellFormatting.percent(value) {
                    texts.append(contentsOf: shown.utf8)
                } else {
                    append(value, null: null, to: &texts)
                }
                var width = DisplayWidth.of(utf8: texts[start...])
                if cutWide, width > maxColumnWidth {
                    // Rare: cut (and measured again) only when too wide.
                    let cut = DisplayWidth.truncate(String(decoding: texts[start...], as: UTF8.self), to: maxColumnWidth)
                    texts.removeSubrange(start...)
                    texts.append(contentsOf: cut.utf8)
                    width = DisplayWidth.of(cut)
                }
                ends.append(texts.count)
                cellWidths.append(width)
                if width > widths[column] { widths[column] = width }
            }
        }
        let numeric = (0..<columnCount).map { hasValue[$0] && allNumbers[$0] }
        // Pass 2: the lines, written straight into the String's storage — its exact size is known from
        // pass 1 (a cell's bytes, its padding to the column's width, two spaces between columns).
        let header = result.columns.map { Array($0.utf8) }
        let headerWidths = result.columns.map { DisplayWidth.of($0) }
        let rule = Array(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ").utf8)
        let footer = Array("(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))\n".utf8)
        func padding(_ width: Int, column: Int) -> Int {
            numeric[column] || column < columnCount - 1 ? max(0, widths[column] - width) : 0
        }
        let separators = 2 * (columnCount - 1) + 1
        var size = rule.count + 1 + footer.count + separators + texts.count + result.rows.count * separators
        for column in 0..<columnCount { size += header[column].count + padding(headerWidths[column], column: column) }
        for index in cellWidths.indices { size += padding(cellWidths[index], column: index % columnCount) }
        return texts.withUnsafeBufferPointer { texts in
            String(unsafeUninitializedCapacity: size) { out in
                var at = 0
                // Bounded by the size worked out above, so a miscount could only cut the table short.
                func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard bytes.count > 0, at + bytes.count <= size else { return }
                    UnsafeMutableRawPointer(out.baseAddress! + at).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
                    at += bytes.count
                }
                func spaces(_ count: Int) {
                    guard count > 0, at + count <= size else { return }
                    (out.baseAddress! + at).initialize(repeating: 0x20, count: count)
                    at += count
                }
                func cell(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, column: Int) {
                    if column > 0 { spaces(2) }
                    if numeric[column] {
                        spaces(padding(width, column: column))
                        put(bytes)
                    } else {
                        put(bytes)
                        spaces(padding(width, column: column))
                    }
                }
                for column in 0..<columnCount {
                    header[column].withUnsafeBufferPointer { cell($0, width: headerWidths[column], column: column) }
                }
                let newline: [UInt8] = [0x0A]
                newline.withUnsafeBufferPointer { put($0) }
                rule.withUnsafeBufferPointer { put($0) }
                newline.withUnsafeBufferPointer { put($0) }
                var start = 0
                var index = 0
                for _ in result.rows {
                    for column in 0..<columnCount {
                        cell(UnsafeBufferPointer(rebasing: texts[start..<ends[index]]), width: cellWidths[index], column: column)
                        start = ends[index]
                        index += 1
                    }
                    newline.withUnsafeBufferPointer { put($0) }
                }
                footer.withUnsafeBufferPointer { put($0) }
                return at
            }
        }
    }

    /// A cell's text as the table shows it, appended as UTF-8.
    static func append(_ value: DatabaseValue, null: String, to bytes: inout [UInt8]) {
        switch value {
        case .text(let text):
            // From the contiguous bytes: appending a `String.UTF8View` goes an index at a time.
            FastText.withBytes(singleLine(text)) { bytes.append(contentsOf: $0) }
        case .integer(let number):
            bytes.append(contentsOf: String(number).utf8)
        default:
            bytes.append(contentsOf: singleLine(CellFormatting.text(value, null: null)).utf8)
        }
    }

    /// Line breaks and tabs inside a cell would break the grid: shown as ↵ and a space. Other control
    /// characters — from a report's text or a file name — would reach the terminal as commands (an ESC
    /// sequence clears the screen, OSC 52 writes the clipboard): shown escaped, as `\x1B`.
    static func singleLine(_ text: String) -> String {
        // A byte test first: walking Characters costs grapheme breaking on every Chinese cell.
        let special = FastText.withBytes(text) { bytes in bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 } }
        guard special else { return text }
        var out = ""
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar.value == 0x0D }
            switch scalar.value {
            case 0x0A where afterCR: continue
            case 0x0A, 0x0D: out += "↵"
            case 0x09: out += " "
            case 0..<0x20, 0x7F, 0x80..<0xA0: out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// The text with zeros before it up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
