import Foundation
import Testing
@testable import GongkaiKit

/// Reads every file of ../shared/corpus and compares what the reader took with the hand-made labels in
/// labels.jsonl. Prints the accuracy (values matched / labelled) and every mismatch, so a change to the
/// reader shows what it gained and lost.
@Suite(.enabled(if: SharedFiles.available, "needs ../shared/corpus"))
struct CorpusAccuracyTests {
    struct Tally {
        var matched = 0
        var labelled = 0
        var misses: [String] = []
        mutating func check(_ ok: Bool, _ what: @autoclosure () -> String) {
            labelled += 1
            if ok { matched += 1 } else { misses.append(what()) }
        }
        var percent: Double { labelled == 0 ? 100 : Double(matched) * 100 / Double(labelled) }
    }

    static func labels() throws -> [[String: Any]] {
        let path = try #require(SharedFiles.path("corpus/labels.jsonl"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Agencies match when one names the other (`福田区华富街道办事处` in `深圳市福田区华富街道办事处`),
    /// once the 人民政府/政府 suffix is set aside (`唐村镇政府` is `唐村镇人民政府`).
    static func sameAgency(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        func bare(_ s: String) -> String { MatchKey.key(s).replacing("人民政府", with: "").replacing("政府", with: "") }
        let x = bare(a), y = bare(b)
        return !x.isEmpty && !y.isEmpty && (x.contains(y) || y.contains(x))
    }

    @Test func corpusAccuracy() throws {
        var fields: [String: Tally] = [:]
        var extraChannels: [String] = []
        for label in try Self.labels() {
            let file = try #require(label["file"] as? String)
            let path = try #require(SharedFiles.path("corpus/\(file)"))
            let report = try ReportReader().read(file: path)

            if let year = label["year"] as? Int {
                fields["year", default: Tally()].check(report.year == year, "\(file) year \(report.year.map(String.init) ?? "nil") ≠ \(year)")
            }
            if let agency = label["agency"] as? String {
                fields["agency", default: Tally()].check(Self.sameAgency(report.agency, agency), "\(file) agency \(report.agency ?? "nil") ≠ \(agency)")
            }
            let exactTotal = report.activeTotal.flatMap { $0.approximate ? nil : $0.value }
            let labelTotal = (label["active_total"] as? NSNumber)?.doubleValue
            fields["active_total", default: Tally()].check(exactTotal == labelTotal, "\(file) active_total \(String(describing: exactTotal)) ≠ \(String(describing: labelTotal))")

            let requests = report.requestsInProse.flatMap { $0.approximate ? nil : $0.value }
            let labelRequests = (label["applications_received_narrative"] as? NSNumber)?.doubleValue
            fields["requests_in_prose", default: Tally()].check(requests == labelRequests, "\(file) requests \(String(describing: requests)) ≠ \(String(describing: labelRequests))")

            var used = Set<Int>()
            for channel in label["channels"] as? [[String: Any]] ?? [] {
                let items = (channel["items"] as? NSNumber)?.doubleValue ?? -1
                let name = channel["channel"] as? String ?? ""
                let kind = ChannelCatalog.canonical(name)
                let found = report.channels.indices.first { index in
                    !used.contains(index) && report.channels[index].items == items && !report.channels[index].approximate
                        && (kind == nil || report.channels[index].channel == kind
                            || report.channels[index].channel.contains("、") && report.channels[index].channel.contains(kind!))
                }
                if let found { used.insert(found) }
                fields["channels", default: Tally()].check(found != nil, "\(file) channel \(name) \(NumberFormatting.plain(items)) not found (have: \(report.channels.map { "\($0.channel) \(NumberFormatting.plain($0.items))" }))")
            }
            for (index, channel) in report.channels.enumerated() where !used.contains(index) && !channel.approximate {
                extraChannels.append("\(file) \(channel.channel) \(NumberFormatting.plain(channel.items))")
            }
            for (content, measures) in label["table2"] as? [String: [String: Any]] ?? [:] {
                for (measure, value) in measures {
                    let expected = (value as? NSNumber)?.doubleValue
                    let cell = report.article20.first { MatchKey.key($0.content) == MatchKey.key(content) && MatchKey.key($0.measure) == MatchKey.key(measure) }
                    fields["table2", default: Tally()].check(cell?.value.number == expected, "\(file) 二 \(content)/\(measure) \(cell.map { "\($0.value)" } ?? "not found") ≠ \(String(describing: expected))")
                }
            }
        }
        var total = Tally()
        print("Reader accuracy on ../shared/corpus (values matched / labelled):")
        for (name, tally) in fields.sorted(by: { $0.key < $1.key }) {
            print("  \(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(tally.matched)/\(tally.labelled)  \(String(format: "%.1f", tally.percent))%")
            total.matched += tally.matched
            total.labelled += tally.labelled
            for miss in tally.misses { print("    miss: \(miss)") }
        }
        print("  overall            \(total.matched)/\(total.labelled)  \(String(format: "%.1f", total.percent))%")
        print("  channels found but not labelled: \(extraChannels.count)")
        for extra in extraChannels { print("    extra: \(extra)") }
        #expect(fields["table2"]?.percent == 100, "every labelled section 二 cell must be read")
        #expect(total.percent >= 85, "reader accuracy fell below 85%")
    }
}
