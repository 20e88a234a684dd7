/// Every bound gongkai puts on what an input can make it do, in one place (docs/limits.md lists them
/// with their messages). A report, a page, a saved query file or a typed statement from anyone must not
/// crash gongkai, hang it or take the machine's memory: past each bound the input is refused, or the
/// output cut, with a message that names the bound.
public enum Limits {
    /// A report file (text, page, .docx, PDF) larger than this is refused before it is read: real
    /// reports are under 20 MB; 200 MB of text still loads.
    public static let reportFileBytes = 512 << 20
    /// A .docx's document part may unpack to this much, whatever its header claims.
    public static let documentPartBytes = 256 << 20
    /// Table cells a page or .docx may lay out (cells × their spans): a real report's tables hold a few
    /// hundred.
    public static let gridCells = 1_000_000
    /// Element nesting in a page or a .docx that gongkai walks; deeper is refused (.docx) or warned
    /// about (a page: libxml2 itself stops at 256).
    public static let markupDepth = 256
    /// Nesting in a statement (parentheses, `not`, signs) and operators chained in one expression or
    /// condition; a long list of values belongs in `in (…)`.
    public static let queryNesting = 200
    /// Rows one statement's result may hold: past it the result is cut and a note says so (an endless
    /// recursive query must not take the machine's memory). A national corpus's largest grouping (by
    /// township and channel, ~200,000 rows) is well inside.
    public static let resultRows = 2_000_000

    /// Files named one by one on a workbook's 说明 sheet; past it, a row says how many more (a sheet of
    /// 100,000 file names helps nobody).
    public static let aboutFiles = 1000
    /// SQLite's page cache for a `--db` file, at most (filled only as pages are read). SQLite's default,
    /// 2 MB, made every audit rule and question read the file again through the kernel (a 100,000-report
    /// file is 1 GB); a process holding the whole file in memory is what `:memory:` does anyway.
    public static let pageCacheMiB = 1024
    /// Reports an audit must cover before a second connection runs half its rules (`AuditHelper`): below
    /// it, opening the connection costs more than it saves.
    public static let auditHelperReports = 1000
}
