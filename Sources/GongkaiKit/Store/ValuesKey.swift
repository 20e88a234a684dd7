/// What makes two files the same report whatever form they came in: the same title, body and year and
/// the same values in every table and in the prose counts. A page and the PDF of one report differ in
/// every byte (so `content_hash` cannot tell) but have one values key, and loading both would count
/// the report twice. The narrative text is left out: line breaks and spacing differ between forms.
public enum ValuesKey {
    public static func of(_ report: Report) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        func add(_ text: String?) {
            bytes += (text ?? "∅").utf8
            bytes.append(0x1F)
        }
        func add(_ value: CellValue) { add(value.description) }
        add(report.title)
        add(report.agency)
        add(report.year.map(String.init))
        add(report.template?.rawValue)
        add(report.activeTotal.map { NumberFormatting.plain($0.value) })
        for number in report.proseNumbers { add(number.kind); add(NumberFormatting.plain(number.value)) }
        for channel in report.channels { add(channel.channel); add(channel.account); add(NumberFormatting.plain(channel.items)) }
        for cell in report.article20 { add(cell.item); add(cell.content); add(cell.measure); add(cell.value) }
        for cell in report.requests { add(cell.stage.rawValue); add(cell.outcome); add(cell.reason); add(cell.applicant); add(cell.value) }
        for cell in report.reviews { add(cell.kind); add(cell.result); add(cell.value) }
        return SHA256.hex(bytes)
    }
}
