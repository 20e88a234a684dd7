/// What the fuzzers drive: each entry takes any bytes and must return — no crash, no hang, bounded
/// memory — whatever they are. `scripts/fuzz` runs them under libFuzzer (coverage-guided, with
/// AddressSanitizer); the test suite runs each over its seed corpus and a bounded number of mutations,
/// so they cannot rot. A crash found becomes a test.
public enum FuzzTargets {
    /// The byte-level reader: text in every encoding, HTML, .docx. A PDF's bytes are read as the text
    /// `pdftotext -layout` would give (spawning it per input would fuzz poppler, not gongkai).
    public static func reader(_ bytes: [UInt8]) {
        let reader = ReportReader()
        if bytes.starts(with: Array("%PDF".utf8)) {
            _ = reader.read(document: PDFLayoutReader().read(String(decoding: bytes, as: UTF8.self)), file: "fuzz.pdf")
            return
        }
        if var report = try? reader.readSource(bytes: bytes, file: "fuzz").report {
            _ = ValuesKey.of(report)
            _ = PlaceResolver(gazetteer: Gazetteer.shared).resolve(&report, file: "fuzz")
        }
    }

    /// The query language's lexer, parser, resolver and compiler (nothing runs).
    public static func query(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        for case .success(let statement) in Parser.parseRecovering(text) {
            guard case .query(let node) = statement.node, let resolved = try? Resolver().resolve(node) else { continue }
            if case .pivot(let plan) = SQLCompiler().compile(resolved) {
                _ = try? plan.finish(values: [.integer(2021), .null, .text("x")])
            }
        }
    }

    /// A saved query file as `gongkai run` runs it (its raw SQL read-only), over the synthetic samples,
    /// output discarded. Each input gets a fresh in-memory database, so one input cannot change the next.
    public static func script(_ bytes: [UInt8]) {
        guard let text = ScriptText.decode(bytes), let session = try? Session.open(path: nil) else { return }
        let loader = try? Loader(database: session.database)
        for file in samples { _ = try? loader?.insert(file.report, hash: file.name) }
        session.rawSQLReadOnly = true
        let shell = Shell(session: session, out: { _ in }, err: { _ in })
        shell.batch = true
        shell.run(text, origin: "fuzz.gkq", quiet: false)
    }

    /// The synthetic sample reports (a quarter of them: enough to give every statement rows).
    static let samples = Array(SampleSet.files().prefix(6))
}
