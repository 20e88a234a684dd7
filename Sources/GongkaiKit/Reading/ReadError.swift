/// Why a file could not be read at all. Each case names the file and says what it looked like.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
    public var description: String { "\(file): \(reason)" }
}
