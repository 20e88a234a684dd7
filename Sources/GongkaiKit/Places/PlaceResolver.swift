/// Fills a report's province, city and county where its title leaves them out (most real titles name the
/// body alone: `张村镇人民政府2021年…`), and says where each came from. The sources, in order, each filling
/// only what is still empty and never contradicting what is known:
///
/// 1. the title and agency (the reader's own reading) — `title`;
/// 2. the report's own text: where the body's name appears with its parents before it
///    (`…由威海市环翠区张村镇人民政府编制`) — `text`;
/// 3. the path it was loaded from (`…/威海市/环翠区/张村镇-2021.pdf`) — `folder`;
/// 4. the gazetteer: a township name that is unique nationally, or unique among the places whose
///    county, city or province is named in the report's title, text or path — `gazetteer`; a name it
///    cannot settle stays empty with a warning naming the candidates (`温泉镇: 18 places, e.g. …`);
/// 5. (after loading, in SQL: `PlaceLabels.sameBodySQL`) the same body's other reports — `same_body`;
/// 6. a manifest (`gongkai.tsv` beside the file), which wins over everything (it is applied first, and
///    the others fill only what it leaves empty) — `manifest`.
public struct PlaceResolver: Sendable {
    let gazetteer: Gazetteer?
    let manifests: ManifestCache

    public init(gazetteer: Gazetteer? = Gazetteer.shared, manifests: ManifestCache = ManifestCache()) {
        self.gazetteer = gazetteer
        self.manifests = manifests
    }

    /// Where each part of the place came from.
    public struct Sources: Sendable, Equatable {
        public var province: PlaceSource?
        public var city: PlaceSource?
        public var county: PlaceSource?
        public var township: PlaceSource?
    }

    public func resolve(_ report: inout Report, file: String) -> Sources {
        var sources = Sources()
        func mark(_ source: PlaceSource) {
            if report.province != nil, sources.province == nil { sources.province = source }
            if report.city != nil, sources.city == nil { sources.city = source }
            if report.county != nil, sources.county == nil { sources.county = source }
            if report.township != nil, sources.township == nil { sources.township = source }
        }
        // The manifest first: it wins, and the other sources only fill what it leaves empty.
        if let row = manifests.row(for: file) {
            row.apply(to: &report)
            for (field, present) in [(\Sources.province, row.province), (\Sources.city, row.city), (\Sources.county, row.county), (\Sources.township, row.township)]
            where present != nil {
                sources[keyPath: field] = .manifest
            }
        }
        mark(.title)
        // The text and the path are read for a missing county or city; a province alone comes from the
        // gazetteer (which every report short of one would otherwise pay a text scan for).
        if needsMore(report), report.county == nil || report.city == nil { fill(&report, from: placeInText(report)); mark(.text) }
        if needsMore(report), report.county == nil || report.city == nil { fill(&report, from: placeInPath(file, report: report)); mark(.folder) }
        if needsMore(report), let gazetteer { resolveInGazetteer(&report, gazetteer: gazetteer, file: file); mark(.gazetteer) }
        return sources
    }

    /// A body below the province whose parents are not all known.
    func needsMore(_ report: Report) -> Bool {
        if report.township != nil { return report.county == nil || report.city == nil || report.province == nil }
        if report.county != nil { return report.city == nil || report.province == nil }
        if report.city != nil { return report.province == nil }
        return false
    }

    /// Copies what `place` adds, only where it agrees with what is known (the same township, county and
    /// city where both say one).
    func fill(_ report: inout Report, from place: MetadataExtractor.Place?) {
        guard let place else { return }
        if let township = place.township, let known = report.township, township != known { return }
        if let county = place.county, let known = report.county, county != known { return }
        if let city = place.city, let known = report.city, city != known { return }
        if let province = place.province, let known = report.province, province != known { return }
        if report.township == nil, report.county == nil, report.city == nil { return }
        report.county = report.county ?? (report.township != nil ? place.county : nil)
        report.city = report.city ?? place.city
        report.province = report.province ?? place.province
    }

    /// The most specific name the report has for itself, with the parents written just before it in the
    /// report's own text (the title first, then the sections as read). Only the county and city are
    /// looked for here (a province comes from the gazetteer); found on bytes, at most five times a text.
    func placeInText(_ report: Report) -> MetadataExtractor.Place? {
        guard let name = report.township ?? report.county ?? report.city, name.count >= 2 else { return nil }
        guard report.county == nil || report.city == nil else { return nil }
        for text in [report.title ?? ""] + report.narrative.map(\.body) {
            var rest = Substring(text)
            for _ in 0..<5 {
                guard let found = rest.byteRange(of: name) else { break }
                // Up to 20 characters before the name, back to the nearest separator.
                var start = found.lowerBound
                var taken = 0
                while start > rest.startIndex, taken < 20 {
                    let previous = rest.index(before: start)
                    if "，。；：、,;:（）()《》“”\"\n 　".contains(rest[previous]) { break }
                    start = previous
                    taken += 1
                }
                let place = MetadataExtractor.place(of: String(rest[start..<found.upperBound]))
                if place.county != nil || place.city != nil { return place }
                rest = rest[found.upperBound...]
            }
        }
        return nil
    }

    /// The places the folders and the file name spell (`…/威海市/环翠区/张村镇-2021.pdf`).
    func placeInPath(_ file: String, report: Report) -> MetadataExtractor.Place? {
        var merged = MetadataExtractor.Place()
        let components = file.split(separator: "/").map(String.init)
        for component in components.suffix(6) {
            let stem = component.split(separator: ".").first.map(String.init) ?? component
            let place = MetadataExtractor.place(of: stem)
            merged.province = place.province ?? merged.province
            merged.city = place.city ?? merged.city
            merged.county = place.county ?? merged.county
            merged.township = place.township ?? merged.township
        }
        // The path speaks of this body only when it names no other township.
        if let township = merged.township, township != report.township { return nil }
        guard merged.county != nil || merged.city != nil || merged.province != nil else { return nil }
        return merged
    }

    func resolveInGazetteer(_ report: inout Report, gazetteer: Gazetteer, file: String) {
        let level: Int
        let name: String
        if let township = report.township { (level, name) = (4, township) }
        else if let county = report.county { (level, name) = (3, county) }
        else if let city = report.city { (level, name) = (2, city) }
        else { return }
        var candidates = gazetteer.places(named: name, level: level).filter { candidate in
            (report.county == nil || level == 3 || candidate.county == report.county)
                && (report.city == nil || level == 2 || candidate.city == report.city)
                && (report.province == nil || candidate.province == report.province)
        }
        if candidates.count > 1 {
            // Narrowed by the places named anywhere in the report or its path.
            let context = ([file, report.title ?? "", report.agency ?? ""] + report.narrative.map { String($0.body.prefix(3000)) }).joined(separator: "\n")
            let named = candidates.filter { candidate in
                [candidate.county, candidate.city, candidate.province].contains { $0.map { part in Self.mentions(context, part) } ?? false }
            }
            if !named.isEmpty { candidates = named }
        }
        guard candidates.count == 1, let place = candidates.first else {
            if candidates.count > 1 {
                let examples = candidates.prefix(4).map { [$0.city, $0.county].compactMap { $0 }.joined(separator: "") }
                report.warnings.append(ParseWarning(code: "place_ambiguous", message: "\(name): \(candidates.count) places, e.g. "
                    + examples.joined(separator: ", ") + (candidates.count > 4 ? ", …" : "") + "; its county is left empty (a gongkai.tsv manifest can say which)"))
            }
            return
        }
        if level == 4 { report.county = report.county ?? place.county }
        if level >= 3 { report.city = report.city ?? place.city }
        report.province = report.province ?? place.province
    }

    /// `text` names `place` (a bare two-character name such as 城区 must stand as itself, not inside
    /// another word: only names of three or more characters are looked for).
    static func mentions(_ text: String, _ place: String) -> Bool {
        place.count >= 3 && text.contains(place)
    }
}
