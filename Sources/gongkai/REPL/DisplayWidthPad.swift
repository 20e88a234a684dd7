import GongkaiKit

/// Column layout of completion candidates, by display width.
enum DisplayWidthPad {
    static func pad(_ text: String, _ width: Int) -> String {
        let padded = DisplayWidth.pad(text, to: width)
        return DisplayWidth.of(padded) > width ? padded + "  " : padded
    }
    static func width(_ text: String) -> Int { DisplayWidth.of(text) }
}
