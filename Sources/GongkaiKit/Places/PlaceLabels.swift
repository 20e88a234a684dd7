/// Places are grouped as themselves, never by their bare name: two 柳岸街道 in two counties are two rows.
/// `report.township_place`, `county_place` and `city_place` hold what `by township` (乡镇), `by county`
/// and `by city` group by: the bare name where the loaded data has one place of that name, else the name
/// with enough of its parents to tell the places apart (`东湖区 柳岸街道`, `示范市 东湖区 柳岸街道`).
/// Filters still match the bare name (`where 乡镇 = 柳岸街道` selects both). The labels depend on
/// everything loaded, so they are worked out again after each load, in SQL.
enum PlaceLabels {
    /// How many places each name stands for, counted once per name (a lookup per report, not a scan
    /// of every report of the name: that was quadratic, 20 s of a 10,000-report load), then the labels.
    static let refreshSQL = """
    DROP TABLE IF EXISTS temp.place_count;
    CREATE TEMP TABLE place_count (level TEXT, name TEXT, parent TEXT, places INTEGER, PRIMARY KEY (level, name, parent));
    INSERT INTO temp.place_count
      SELECT 't', township, '', count(DISTINCT coalesce(province, '') || '|' || coalesce(city, '') || '|' || coalesce(county, ''))
        FROM report WHERE township IS NOT NULL GROUP BY township
      UNION ALL SELECT 'tc', township, coalesce(county, ''), count(DISTINCT coalesce(province, '') || '|' || coalesce(city, ''))
        FROM report WHERE township IS NOT NULL GROUP BY township, coalesce(county, '')
      UNION ALL SELECT 'c', county, '', count(DISTINCT coalesce(province, '') || '|' || coalesce(city, ''))
        FROM report WHERE county IS NOT NULL GROUP BY county
      UNION ALL SELECT 'cc', county, coalesce(city, ''), count(DISTINCT coalesce(province, ''))
        FROM report WHERE county IS NOT NULL GROUP BY county, coalesce(city, '')
      UNION ALL SELECT 'y', city, '', count(DISTINCT coalesce(province, ''))
        FROM report WHERE city IS NOT NULL GROUP BY city;
    UPDATE report SET
      township_place = CASE
        WHEN township IS NULL THEN NULL
        WHEN (SELECT places FROM temp.place_count WHERE level = 't' AND name = report.township AND parent = '') <= 1 THEN township
        WHEN (SELECT places FROM temp.place_count WHERE level = 'tc' AND name = report.township AND parent = coalesce(report.county, '')) <= 1
          THEN coalesce(county || ' ', '') || township
        ELSE coalesce(city || ' ', '') || coalesce(county || ' ', '') || township END,
      county_place = CASE
        WHEN county IS NULL THEN NULL
        WHEN (SELECT places FROM temp.place_count WHERE level = 'c' AND name = report.county AND parent = '') <= 1 THEN county
        WHEN (SELECT places FROM temp.place_count WHERE level = 'cc' AND name = report.county AND parent = coalesce(report.city, '')) <= 1
          THEN coalesce(city || ' ', '') || county
        ELSE coalesce(province || ' ', '') || coalesce(city || ' ', '') || county END,
      city_place = CASE
        WHEN city IS NULL THEN NULL
        WHEN (SELECT places FROM temp.place_count WHERE level = 'y' AND name = report.city AND parent = '') <= 1 THEN city
        ELSE coalesce(province || ' ', '') || city END;
    DROP TABLE temp.place_count;
    """

    /// A body named once with its county fills its other reports: a report with a township but no county
    /// takes the county (and city, province) of the loaded reports of the same township name — only when
    /// they all say one county, and it does not contradict the report's city or province. Where the
    /// gazetteer knows the name as shared by several places (the report has a `place_ambiguous` warning),
    /// only a report of that name in the same folder counts: two 城关镇 from two folders may be two towns.
    static let sameBodySQL = """
    WITH known AS (
      SELECT township, min(county) AS county, min(city) AS city, min(province) AS province
      FROM report WHERE township IS NOT NULL AND county IS NOT NULL
      GROUP BY township HAVING count(DISTINCT county) = 1 AND count(DISTINCT coalesce(city, '')) = 1
    )
    UPDATE report SET
      county = known.county, county_source = 'same_body',
      city = coalesce(report.city, known.city),
      city_source = CASE WHEN report.city IS NULL AND known.city IS NOT NULL THEN 'same_body' ELSE report.city_source END,
      province = coalesce(report.province, known.province),
      province_source = CASE WHEN report.province IS NULL AND known.province IS NOT NULL THEN 'same_body' ELSE report.province_source END
    FROM known
    WHERE report.township = known.township AND report.county IS NULL
      AND (report.city IS NULL OR report.city IS known.city)
      AND (report.province IS NULL OR known.province IS NULL OR report.province IS known.province)
      AND (NOT EXISTS (SELECT 1 FROM finding f WHERE f.report_id = report.id AND f.rule = 'parse:place_ambiguous')
           OR EXISTS (SELECT 1 FROM report k WHERE k.township = report.township AND k.county = known.county
                        AND rtrim(k.file, replace(k.file, '/', '')) = rtrim(report.file, replace(report.file, '/', ''))))
    """

    /// The warning that a county was left empty no longer holds where the same body filled it.
    static let settledSQL = """
    DELETE FROM finding WHERE rule = 'parse:place_ambiguous' AND report_id IN (SELECT id FROM report WHERE county_source = 'same_body')
    """

    static func refresh(_ database: Database) throws {
        try database.execute(refreshSQL)
    }

    /// Same-body filling, then the labels; the number of reports whose county was filled.
    @discardableResult
    static func afterLoad(_ database: Database) throws -> Int {
        try database.execute(sameBodySQL)
        let filled = database.changes
        try database.execute(settledSQL)
        try refresh(database)
        return filled
    }
}
