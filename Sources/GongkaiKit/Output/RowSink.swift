/// Rows handed over one at a time, as SQLite produces them, instead of held in a `ResultSet`: CSV and
/// JSON results are written as they come (an export of millions of rows, or an endless recursive query,
/// never takes the memory). The aligned table and Markdown need every row to measure their columns and
/// stay buffered (`Limits.resultRows`).
public protocol RowSink: AnyObject {
    func begin(columns: [String]) throws
    func row(_ values: [DatabaseValue]) throws
    /// After the last row; `rows` counted.
    func end(rows: Int) throws
}

/// CSV or JSON written to a destination in chunks of about 64 KB.
final class StreamingWriter: RowSink {
    enum Shape {
        case csv(bom: Bool)
        /// The array of objects `--format json` prints for one result.
        case jsonArray
        /// One JSON Lines object per statement (`gongkai run --format json`).
        case jsonLine(statement: String)
    }

    let shape: Shape
    /// Written before the result: the statement's title in batch CSV output.
    let title: String?
    let write: (String) throws -> Void
    var columns: [String] = []
    var buffer = ""
    var count = 0

    init(shape: Shape, title: String?, write: @escaping (String) throws -> Void) {
        self.shape = shape
        self.title = title
        self.write = write
    }

    func begin(columns: [String]) throws {
        self.columns = columns
        buffer = title ?? ""
        switch shape {
        case .csv(let bom): buffer += (bom ? "\u{FEFF}" : "") + CSVRenderer.line(columns.map(DatabaseValue.text))
        case .jsonArray: buffer += "["
        case .jsonLine(let statement):
            buffer += "{\"statement\": " + JSONRenderer.string(statement) + ", \"columns\": ["
                + columns.map(JSONRenderer.string).joined(separator: ", ") + "], \"rows\": ["
        }
    }

    func row(_ values: [DatabaseValue]) throws {
        switch shape {
        case .csv: buffer += CSVRenderer.line(values)
        case .jsonArray: buffer += (count == 0 ? "\n  " : ",\n  ") + JSONRenderer.object(values, columns: columns)
        case .jsonLine: buffer += (count == 0 ? "" : ", ") + JSONRenderer.object(values, columns: columns)
        }
        count += 1
        if buffer.utf8.count >= 1 << 16 {
            try write(buffer)
            buffer = ""
        }
    }

    func end(rows: Int) throws {
        switch shape {
        case .csv: break
        case .jsonArray: buffer += rows == 0 ? "]\n" : "\n]\n"
        case .jsonLine: buffer += "]}\n"
        }
        try write(buffer)
        buffer = ""
    }
}
