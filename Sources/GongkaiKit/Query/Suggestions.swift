/// The nearest known names to a mistyped one, in both languages: a name that starts with or contains
/// what was typed first (`主动` → 主动公开), then by edit distance (`activ` → active).
public enum Suggestions {
    public static func nearest(_ typed: String, among names: [String], limit: Int = 3) -> [String] {
        let lower = typed.lowercased()
        var scored: [(score: Int, name: String)] = []
        for name in Set(names) {
            let candidate = name.lowercased()
            if candidate == lower { continue }
            if candidate.hasPrefix(lower) || lower.hasPrefix(candidate) || (lower.count >= 2 && candidate.contains(lower)) {
                scored.append((0, name))
                continue
            }
            let distance = editDistance(Array(lower), Array(candidate))
            let allowed = max(1, min(3, max(lower.count, candidate.count) / 3))
            if distance <= allowed { scored.append((distance, name)) }
        }
        return scored.sorted { ($0.score, $0.name.count, $0.name) < ($1.score, $1.name.count, $1.name) }.prefix(limit).map(\.name)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// “did you mean “a” or “b”?”, or nil.
    public static func didYouMean(_ names: [String]) -> String? {
        guard !names.isEmpty else { return nil }
        return "did you mean " + names.map { "“\($0)”" }.joined(separator: " or ") + "?"
    }
}
