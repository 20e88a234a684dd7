import GongkaiKit

/// A statement of a script and what running it gave: for tests that look at every statement's result.
/// Each runs in turn, as the shell's pipeline runs them.
struct Step {
    var statement: ParsedStatement?
    var result: Result<Session.Output, Session.Failure>

    static func all(_ text: String, _ session: Session) -> [Step] {
        Parser.parseRecovering(text).map { item in
            switch item {
            case .failure(let error): return Step(statement: nil, result: .failure(.query(error)))
            case .success(let statement): return Step(statement: statement, result: session.execute(statement))
            }
        }
    }
}
