import Foundation

/// A result as an SVG chart, for the report page and `--format svg`: self-contained (no script, no font
/// file), Chinese labels in the system's CJK font.
/// - a pivot over years (value columns headed by years): a line per row (per body), the years along the axis;
/// - otherwise horizontal bars of the last value column (a pivot's Δ/% change columns are never charted),
///   labelled by the text columns — grouped by the first of two dimensions, coloured by the second —;
///   negative values to the left of the zero axis, each bar with its value.
/// nil when there is nothing to chart (no numeric column, no row).
public enum SVGChart {
    static let font = "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif\""
    static let colors = ["#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477", "#66aa00", "#b82e2e", "#316395"]

    public static func render(_ result: ResultSet) -> String? {
        let numeric = CellFormatting.numericColumns(result)
        let isChange = result.columns.map { $0.hasPrefix("Δ") || $0.hasPrefix("%") || $0.contains(" Δ") || $0.contains(" %") }
        // A year is a label, not a quantity to draw.
        let values = result.columns.indices.filter { numeric[$0] && !isChange[$0] && !["year", "年份"].contains(result.columns[$0].lowercased()) }
        let labels = result.columns.indices.filter { !numeric[$0] || ["year", "年份"].contains(result.columns[$0].lowercased()) }
        guard !values.isEmpty, !result.rows.isEmpty else { return nil }
        let years = values.map { Int(result.columns[$0]) }
        if values.count >= 2, years.allSatisfy({ $0.map { $0 >= 1900 && $0 < 2200 } ?? false }) {
            return lines(result, values: values, labels: labels)
        }
        return bars(result, value: values[values.count - 1], labels: labels)
    }

    static func label(_ row: [DatabaseValue], _ labels: [Int]) -> String {
        labels.map { CellFormatting.text(row[$0], null: "") }.joined(separator: " · ")
    }

    static func bars(_ result: ResultSet, value column: Int, labels: [Int]) -> String {
        let rows = result.rows.prefix(60)
        let percent = result.percentColumns.contains(result.columns[column])
        let numbers = rows.map { $0[column].double.flatMap { $0.isFinite ? $0 : nil } }
        let finite = numbers.compactMap { $0 }
        let high = max(0, finite.max() ?? 0), low = min(0, finite.min() ?? 0)
        let span = high - low
        // Grouped (two dimensions): the group's name on the left, the second dimension's value by its bar.
        let labelWidth = labels.count == 2
            ? min(320, 24 + 8 * ((rows.map { DisplayWidth.of(CellFormatting.text($0[labels[0]], null: "")) }.max() ?? 4)
                                + (rows.map { DisplayWidth.of(CellFormatting.text($0[labels[1]], null: "")) }.max() ?? 4)))
            : min(260, 16 + 8 * (rows.map { DisplayWidth.of(label($0, labels)) }.max() ?? 4))
        let plot = 420.0, barHeight = 22, top = 34
        let width = labelWidth + Int(plot) + 90
        let height = top + rows.count * barHeight + 24
        func x(_ value: Double) -> Double { Double(labelWidth) + (span > 0 ? (value - low) / span * plot : 0) }
        var svg = header(width: width, height: height, title: result.columns[column])
        let zero = x(0)
        // Two dimensions: grouped bars — the first dimension's value once per group, a bar per value of
        // the second, coloured by it (the same colour for the same value in every group).
        let grouped = labels.count == 2
        let secondValues = grouped ? rows.map { CellFormatting.text($0[labels[1]], null: "") }.uniqued() : []
        for (index, row) in rows.enumerated() {
            let y = top + index * barHeight
            var fill = "#3366cc"
            if grouped {
                let first = CellFormatting.text(row[labels[0]], null: "")
                let second = CellFormatting.text(row[labels[1]], null: "")
                let startsGroup = index == 0 || CellFormatting.text(rows[rows.index(rows.startIndex, offsetBy: index - 1)][labels[0]], null: "") != first
                if startsGroup {
                    svg += "<text x=\"4\" y=\"\(y + 15)\" font-size=\"12\" font-weight=\"bold\">\(XMLText.escape(first))</text>"
                    if index > 0 { svg += "<line x1=\"4\" y1=\"\(y)\" x2=\"\(width - 4)\" y2=\"\(y)\" stroke=\"#ddd\"/>" }
                }
                svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(XMLText.escape(second))</text>"
                // Red is for negative values: the groups' colours leave it out.
                let palette = colors.filter { $0 != "#dc3912" }
                fill = palette[(secondValues.firstIndex(of: second) ?? 0) % palette.count]
            } else {
                svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(XMLText.escape(label(row, labels)))</text>"
            }
            guard let number = numbers[index] else { continue }
            let left = min(zero, x(number)), barWidth = abs(x(number) - zero)
            svg += "<rect x=\"\(format(left))\" y=\"\(y + 3)\" width=\"\(format(barWidth))\" height=\"\(barHeight - 6)\" fill=\"\(number < 0 ? "#dc3912" : fill)\"/>"
            let text = percent ? (CellFormatting.percent(row[column]) ?? "") : CellFormatting.text(row[column], null: "")
            let anchor = number < 0 ? "end" : "start"
            let textX = number < 0 ? left - 4 : left + barWidth + 4
            svg += "<text x=\"\(format(textX))\" y=\"\(y + 15)\" text-anchor=\"\(anchor)\" font-size=\"11\" fill=\"#333\">\(XMLText.escape(text))</text>"
        }
        svg += "<line x1=\"\(format(zero))\" y1=\"\(top - 4)\" x2=\"\(format(zero))\" y2=\"\(top + rows.count * barHeight)\" stroke=\"#333\" stroke-width=\"1\"/>"
        return svg + "</svg>\n"
    }

    static func lines(_ result: ResultSet, values: [Int], labels: [Int]) -> String {
        let rows = Array(result.rows.prefix(10))
        let numbers = rows.map { row in values.map { row[$0].double.flatMap { $0.isFinite ? $0 : nil } } }
        let finite = numbers.flatMap { $0.compactMap { $0 } }
        let high = max(0, finite.max() ?? 0), low = min(0, finite.min() ?? 0)
        let span = high - low
        let left = 60.0, top = 34.0, plotWidth = 460.0, plotHeight = 240.0
        let legendWidth = 16 + 8 * (rows.map { DisplayWidth.of(label($0, labels)) }.max() ?? 4)
        let width = Int(left + plotWidth) + 30 + legendWidth, height = Int(top + plotHeight) + 40
        func x(_ index: Int) -> Double { left + (values.count > 1 ? Double(index) / Double(values.count - 1) * plotWidth : 0) }
        func y(_ value: Double) -> Double { top + plotHeight - (span > 0 ? (value - low) / span * plotHeight : 0) }
        var svg = header(width: width, height: height, title: labels.map { result.columns[$0] }.joined(separator: " · "))
        svg += "<line x1=\"\(left)\" y1=\"\(format(y(0)))\" x2=\"\(left + plotWidth)\" y2=\"\(format(y(0)))\" stroke=\"#333\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#333\"/>"
        for tick in [low, (low + high) / 2, high] {
            svg += "<text x=\"\(left - 6)\" y=\"\(format(y(tick) + 4))\" text-anchor=\"end\" font-size=\"11\">\(NumberFormatting.plain((tick * 10).rounded() / 10))</text>"
        }
        for (index, column) in values.enumerated() {
            svg += "<text x=\"\(format(x(index)))\" y=\"\(format(top + plotHeight + 18))\" text-anchor=\"middle\" font-size=\"12\">\(XMLText.escape(result.columns[column]))</text>"
        }
        for (rowIndex, row) in rows.enumerated() {
            let color = colors[rowIndex % colors.count]
            let points = numbers[rowIndex].enumerated().compactMap { index, value in value.map { "\(format(x(index))),\(format(y($0)))" } }
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            for (index, value) in numbers[rowIndex].enumerated() {
                guard let value else { continue }
                svg += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(value)))\" r=\"3\" fill=\"\(color)\"><title>\(XMLText.escape(label(row, labels))) \(XMLText.escape(result.columns[values[index]])): \(NumberFormatting.plain(value))</title></circle>"
            }
            let legendY = top + Double(rowIndex) * 18
            svg += "<rect x=\"\(format(left + plotWidth + 20))\" y=\"\(format(legendY))\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(format(left + plotWidth + 34))\" y=\"\(format(legendY + 9))\" font-size=\"12\">\(XMLText.escape(label(row, labels)))</text>"
        }
        return svg + "</svg>\n"
    }

    static func header(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" \(font)>"
            + "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">\(XMLText.escape(title))</text>"
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
