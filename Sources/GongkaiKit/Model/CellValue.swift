/// What a table cell held. Only `.number` is a value; the others are kept distinct so that an empty
/// cell or a `/` never turns silently into 0 (the audit reports them).
public enum CellValue: Sendable, Equatable, Codable, CustomStringConvertible {
    case number(Double)
    /// The cell is there but holds nothing.
    case blank
    /// The cell holds something that is not a number: `/`, `—`, `无`, OCR noise.
    case text(String)
    /// The row or column was expected but not found in the table.
    case missing

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var description: String {
        switch self {
        case .number(let value): return NumberFormatting.plain(value)
        case .blank: return "(empty)"
        case .text(let text): return "“\(text)”"
        case .missing: return "(missing)"
        }
    }
}

public enum NumberFormatting {
    /// Whole numbers without a decimal point, others as written by Swift's shortest representation.
    public static func plain(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension CellValue {
    /// JSON form: a number, `""` for a blank cell, the text for a non-number, null when missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .missing; return }
        if let number = try? container.decode(Double.self) { self = .number(number); return }
        let text = try container.decode(String.self)
        self = text.isEmpty ? .blank : .text(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .blank: try container.encode("")
        case .text(let text): try container.encode(text)
        case .missing: try container.encodeNil()
        }
    }
}
