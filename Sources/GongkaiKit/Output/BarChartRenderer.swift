/// A horizontal bar chart of one numeric column against the text columns as labels: Unicode eighth
/// blocks, labels aligned by display width, bars scaled to the terminal width, a header line naming every
/// column. The other numeric columns are shown as numbers, each under its own header, before the one charted.
/// The column charted is the last numeric one that is a value, not a pivot's change column (`Δ…`, `%…`:
/// charting those made every fall look like a rise). Negative values are drawn to the left of an axis
/// (`│`), positive ones to its right, both on one scale.
public enum BarChartRenderer {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public static func render(_ result: ResultSet, width: Int = 80, null: String = "") -> String {
        let numeric = CellFormatting.numericColumns(result)
        let isChange = result.columns.map { name in name.hasPrefix("Δ") || name.hasPrefix("%") || name.contains(" Δ") || name.contains(" %") }
        guard let valueColumn = result.columns.indices.last(where: { numeric[$0] && !isChange[$0] }) ?? numeric.lastIndex(of: true) else {
            return TableRenderer.render(result, null: null) + "(no numeric column to chart)\n"
        }
        let labelColumns = result.columns.indices.filter { !numeric[$0] }
        let labels = result.rows.map { row in
            labelColumns.map { CellFormatting.text(row[$0], null: null) }.joined(separator: " · ")
        }
        // An infinite or NaN value (1e308*10 in raw SQL) has no bar; it is shown as SQLite prints it.
        let values = result.rows.map { row in row[valueColumn].double.flatMap { $0.isFinite ? $0 : nil } }
        let numbers = zip(values, result.rows).map { value, row in
            value.map(CellFormatting.shortDecimal) ?? (row[valueColumn].double.map { String($0) } ?? null)
        }
        let labelHeader = labelColumns.map { result.columns[$0] }.joined(separator: " · ")
        let labelWidth = min(40, (labels + [labelHeader]).map { DisplayWidth.of($0) }.max() ?? 0)
        let numberWidth = (numbers + [result.columns[valueColumn]]).map { DisplayWidth.of($0) }.max() ?? 0
        // The other numbers of each row, in their own columns.
        // A pivot's change columns (Δ, %) are left out: the chart is of values.
        let others = result.columns.indices.filter { numeric[$0] && $0 != valueColumn && !isChange[$0] }
        let otherTexts = result.rows.map { row in others.map { CellFormatting.text(row[$0], null: null) } }
        let otherWidths = others.enumerated().map { position, column in
            (otherTexts.map { $0[position] } + [result.columns[column]]).map { DisplayWidth.of($0) }.max() ?? 0
        }
        func otherCells(_ texts: [String]) -> String {
            zip(texts, otherWidths).map { DisplayWidth.pad($0, to: $1, right: true) + " " }.joined()
        }
        let barWidth = max(10, width - labelWidth - numberWidth - 4 - otherWidths.reduce(0) { $0 + $1 + 1 })
        let finite = values.compactMap { $0 }
        let largestPositive = max(0, finite.max() ?? 0)
        let largestNegative = max(0, -(finite.min() ?? 0))
        let span = largestPositive + largestNegative
        // Columns left of the axis, for the negative values (none when there are none).
        let left = span > 0 ? Int((Double(barWidth) * largestNegative / span).rounded()) : 0
        let right = barWidth - left
        var out = [DisplayWidth.pad(DisplayWidth.truncate(labelHeader, to: labelWidth), to: labelWidth) + " "
            + otherCells(others.map { result.columns[$0] }) + DisplayWidth.pad(result.columns[valueColumn], to: numberWidth, right: true)]
        for (index, label) in labels.enumerated() {
            let shown = DisplayWidth.pad(DisplayWidth.truncate(label, to: labelWidth), to: labelWidth)
            var bar = ""
            if let value = values[index], span > 0 {
                let length = abs(value) / span * Double(barWidth)
                if value < 0 {
                    let drawn = leftBlocks(length)
                    bar = String(repeating: " ", count: max(0, left - drawn.count)) + drawn + "│"
                } else {
                    bar = (left > 0 ? String(repeating: " ", count: left) + "│" : "") + blocks(min(length, Double(right)))
                }
            }
            out.append("\(shown) \(otherCells(otherTexts[index]))\(DisplayWidth.pad(numbers[index], to: numberWidth, right: true)) \(bar)")
        }
        return out.map { line in
            var line = Substring(line)
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }.joined(separator: "\n") + "\n"
    }

    /// A bar growing right from the axis: whole blocks, then an eighth block.
    static func blocks(_ length: Double) -> String {
        let whole = Int(length)
        let rest = Int((length - Double(whole)) * 8)
        return String(repeating: "█", count: whole) + eighths[max(0, min(7, rest))]
    }

    /// A bar growing left from the axis: a right half block for the part past the whole blocks (Unicode
    /// has no right-aligned eighths), then whole blocks.
    static func leftBlocks(_ length: Double) -> String {
        let whole = Int(length)
        return (length - Double(whole) >= 0.5 ? "▐" : "") + String(repeating: "█", count: whole)
    }
}
