/// A horizontal bar chart of the last numeric column against the other columns as labels: Unicode
/// eighth blocks, labels aligned by display width, bars scaled to the terminal width.
public enum BarChartRenderer {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public static func render(_ result: ResultSet, width: Int = 80, null: String = "") -> String {
        let numeric = CellFormatting.numericColumns(result)
        guard let valueColumn = numeric.lastIndex(of: true) else {
            return TableRenderer.render(result, null: null) + "(no numeric column to chart)\n"
        }
        let labelColumns = result.columns.indices.filter { $0 != valueColumn }
        let labels = result.rows.map { row in
            labelColumns.map { CellFormatting.text(row[$0], null: null) }.joined(separator: " · ")
        }
        // An infinite or NaN value (1e308*10 in raw SQL) has no bar; it is shown as SQLite prints it.
        let values = result.rows.map { row in row[valueColumn].double.flatMap { $0.isFinite ? $0 : nil } }
        let numbers = zip(values, result.rows).map { value, row in
            value.map(CellFormatting.shortDecimal) ?? (row[valueColumn].double.map { String($0) } ?? null)
        }
        let labelWidth = min(40, labels.map { DisplayWidth.of($0) }.max() ?? 0)
        let numberWidth = numbers.map { DisplayWidth.of($0) }.max() ?? 0
        let barWidth = max(10, width - labelWidth - numberWidth - 3)
        let largest = values.compactMap { $0 }.map { abs($0) }.max() ?? 0
        var out = [result.columns[valueColumn]]
        for (index, label) in labels.enumerated() {
            let shown = DisplayWidth.pad(DisplayWidth.truncate(label, to: labelWidth), to: labelWidth)
            let bar = values[index].map { value in largest > 0 ? blocks(abs(value) / largest * Double(barWidth)) : "" } ?? ""
            out.append("\(shown) \(DisplayWidth.pad(numbers[index], to: numberWidth, right: true)) \(bar)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func blocks(_ length: Double) -> String {
        let whole = Int(length)
        let rest = Int((length - Double(whole)) * 8)
        return String(repeating: "█", count: whole) + eighths[max(0, min(7, rest))]
    }
}
