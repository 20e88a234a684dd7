/// Something the reader could not take for certain. Warnings never stop a report from loading; they
/// become `finding` rows with severity `warning`.
public struct ParseWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    public var code: String
    public var message: String
    /// Where, as the report labels it: `三 / 本年新收 / 自然人`, or `line 42`.
    public var location: String?
    public init(code: String, message: String, location: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }
    public var description: String {
        if let location { return "\(code): \(message) [\(location)]" }
        return "\(code): \(message)"
    }
}
