/// The forms text is compared in. Labels are written with every kind of space, full-width or ASCII
/// parentheses, quotes or none, and now and then in traditional characters (`總體情況`); matching
/// happens on a folded copy while the report's own wording is kept for display.
public enum MatchKey {
    /// Folds one character: traditional → simplified for the words reports use, full-width brackets and
    /// colons → ASCII. One character in, one out, so offsets in the folded text are offsets in the original.
    @inline(__always)
    static func fold(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, first.value >= 0x3000, scalars.count == 1 else { return character }
        return Character(foldScalar(first))
    }

    /// Folded characters, index for index with the original.
    public static func folded(_ text: String) -> [Character] {
        text.map(fold)
    }

    /// The key two labels are compared by: folded, without spaces or quotes. Works on scalars (a hot
    /// path: every table cell gets a key).
    public static func key(_ text: some StringProtocol) -> String {
        FastText.mapScalars(text) { value in
            if FastText.isSpace(value) { return nil }
            switch value {
            case 0x201C, 0x201D, 0x2018, 0x2019, 0x22, 0x27, 0x300C, 0x300D, 0x300E, 0x300F: return nil
            default: return foldValue(value)
            }
        }
    }

    @inline(__always)
    static func foldScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x3000 { return scalar }
        return Unicode.Scalar(foldValue(value)) ?? scalar
    }

    /// One scalar value folded: a table lookup (one load) for the Basic Multilingual Plane.
    @inline(__always)
    static func foldValue(_ value: UInt32) -> UInt32 {
        guard value >= 0x3000, value < 0x10000 else { return value }
        let mapped = bmpTable[Int(value)]
        return mapped == 0 ? value : UInt32(mapped)
    }

    /// 65,536 entries (128 KB), 0 for "unchanged": a dictionary lookup per CJK scalar cost a hash each.
    static let bmpTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x10000)
        for (from, to) in foldTable {
            if let a = from.unicodeScalars.first, let b = to.unicodeScalars.first, a.value < 0x10000, b.value < 0x10000 {
                table[Int(a.value)] = UInt16(b.value)
            }
        }
        return table
    }()

    public static func isSpace(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return FastText.isSpace(first.value) || character.isWhitespace
    }

    static let quoteCharacters: Set<Character> = ["“", "”", "‘", "’", "\"", "'", "「", "」", "『", "』"]

    static let foldTable: [Character: Character] = {
        var table: [Character: Character] = [
            "（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "／": "/", "〔": "[", "〕": "]", "【": "[", "】": "]",
            "﹝": "[", "﹞": "]",
        ]
        let traditional = "總體況開資網條餘縣區鎮鄉辦處報關於數據統計請結轉務門戶號發佈導會議紀錄動態電視廣播與為這個們來時間機構應對項產業經濟權規範證訊復訴訟類護複審須無責參實現進義讀選際華極國條例務團園圍場聯屬內歲頭點擊閱覽費費億萬學習監督線網頁檔處級協調組織領導幹編單僅認識設計劃護衛許罰強製決處徵採購額負減廢現執舉報訪訊詢說態遞"
        let simplified = "总体况开资网条余县区镇乡办处报关于数据统计请结转务门户号发布导会议纪录动态电视广播与为这个们来时间机构应对项产业经济权规范证讯复诉讼类护复审须无责参实现进义读选际华极国条例务团园围场联属内岁头点击阅览费费亿万学习监督线网页档处级协调组织领导干编单仅认识设计划护卫许罚强制决处征采购额负减废现执举报访讯询说态递"
        for (t, s) in zip(traditional, simplified) where t != s { table[t] = s }
        return table
    }()
}
