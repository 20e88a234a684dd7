/// Where a report's province, city, county or township came from, in the order they are tried:
/// the title and agency, the report's own text, the folder path, the same body's other reports, the
/// gazetteer, and — winning over all of them — a manifest the analyst wrote. Stored per level in
/// `report.province_source` … `township_source`; `place_source` (地名来源) queries the county's.
public enum PlaceSource: String, Sendable, CaseIterable, Codable {
    case title
    case text
    case folder
    case sameBody = "same_body"
    case gazetteer
    case manifest
}
