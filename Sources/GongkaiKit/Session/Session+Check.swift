/// `check [RULE…] [where COND]`: the audit rules over the reports the condition selects.
extension Session {
    func check(rules names: [NameRef], filter: Condition?, severity: AuditRule.Severity? = nil, chinese: Bool = false) throws -> Output {
        var rules: [AuditRule] = []
        for name in names {
            guard let rule = AuditRules.rule(name.name) else {
                throw Resolver.unknown("audit rule", name, among: AuditRules.all.flatMap { [$0.id, $0.title] }, listedBy: "show rules")
            }
            rules.append(rule)
        }
        let scope = try filter.map { condition throws -> CompiledQuery in
            let resolved = try Resolver().filter(condition)
            for dimension in resolved.dimensions where dimension.source != nil {
                throw QueryError("check selects reports: “\(dimension.name)” is not a report dimension",
                                 at: Resolver().conditionRefs(condition).first { $0.0.name == dimension.name }?.1 ?? 0..<0)
            }
            var builder = SQLBuilder()
            let sql = "SELECT r.id FROM report r WHERE " + SQLCompiler().condition(resolved, builder: &builder)
            return CompiledQuery(sql: sql, values: builder.values)
        }
        let (findings, summary) = try Auditor(database: database).run(rules: rules.isEmpty ? AuditRules.all : rules, scope: scope, severity: severity, chinese: chinese)
        if rules.isEmpty, filter == nil { try AuditState.markCurrent(database) }
        return .report(findings, note: chinese ? summary.chineseLine : summary.line)
    }
}
