/// One SQLite value, as stored: the five storage classes.
public enum DatabaseValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let value): return String(value)
        case .real(let value): return NumberFormatting.plain(value)
        case .text(let text): return text
        case .blob(let bytes): return "x'" + bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined() + "'"
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .integer, .real: return true
        default: return false
        }
    }

    public var double: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        default: return nil
        }
    }

    public var string: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// A number as SQLite should keep it: whole numbers as integers.
    public static func number(_ value: Double?) -> DatabaseValue {
        guard let value else { return .null }
        if value.rounded() == value, abs(value) < 9e15 { return .integer(Int64(value)) }
        return .real(value)
    }

    public static func optional(_ text: String?) -> DatabaseValue { text.map(DatabaseValue.text) ?? .null }
}

extension DatabaseValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
}
