/// Template labels written one or two characters off (`属于行政执法案件` for 案卷, `行政许司`): real reports
/// retype the template and mistype it. A label that matches no template label exactly is matched to one
/// that differs from a stretch of it by substitutions only — one for a word of 4–7 characters, two from 8
/// — and the reader says so in a `label_typo` warning. Words of fewer than 4 characters must match
/// exactly: one character off in `规章` or `其他` is a different word.
enum NearLabel {
    static func allowedSubstitutions(_ length: Int) -> Int {
        length >= 8 ? 2 : length >= 4 ? 1 : 0
    }

    /// The stretch of `key` (same length as `word`) within the allowed substitutions of it, if any.
    static func stretch(of word: String, in key: String) -> String? {
        let target = Array(word), text = Array(key)
        let allowed = allowedSubstitutions(target.count)
        guard allowed > 0, text.count >= target.count else { return nil }
        for start in 0...(text.count - target.count) {
            var differences = 0
            for offset in 0..<target.count where text[start + offset] != target[offset] {
                differences += 1
                if differences > allowed { break }
            }
            if differences <= allowed { return String(text[start..<start + target.count]) }
        }
        return nil
    }

    /// At the start of `key` only (Article 20 row labels are matched as prefixes).
    static func prefix(of word: String, in key: String) -> String? {
        guard key.count >= word.count else { return nil }
        let head = String(key.prefix(word.count))
        return stretch(of: word, in: head)
    }

    static func warning(written: String, template: String, location: String) -> ParseWarning {
        ParseWarning(code: "label_typo", message: "label “\(written)” read as the template's “\(template)”", location: location)
    }
}
