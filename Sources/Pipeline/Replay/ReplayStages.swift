import ArticleText

/// Which stages a replay writes (`--stages`). By default, the stages whose
/// output version differs from what a worker writes by default: a replay
/// into `--output-version 2.0` writes only the enriched records (the `v2`
/// topics), leaving the unchanged normalised and parsed history alone; a
/// replay at the workers' own versions (after a fix) writes every stage.
public enum ReplayStages {
    /// Reads `normalise,parse,enrich` (any non-empty subset, any order).
    public static func parse(_ text: String) throws(ReplayError) -> Set<Stage> {
        var stages: Set<Stage> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part.filter { $0 != " " })
            guard let stage = Stage(rawValue: name) else { throw .badStages(text) }
            stages.insert(stage)
        }
        guard !stages.isEmpty else { throw .badStages(text) }
        return stages
    }

    /// The stages whose record version under `enrichedVersion` differs from
    /// the one a worker writes by default; every stage when none does.
    public static func defaults(enrichedVersion: SchemaVersion) -> Set<Stage> {
        let changed = Stage.allCases.filter { version(of: $0, enriched: enrichedVersion) != version(of: $0, enriched: liveEnrichedVersion) }
        return changed.isEmpty ? Set(Stage.allCases) : Set(changed)
    }

    /// What `newswire run` writes without `--output-version`.
    public static var liveEnrichedVersion: SchemaVersion {
        RecordEncoding.latest(.enriched, major: 1) ?? SchemaVersion(major: 1, minor: 0)
    }

    private static func version(of stage: Stage, enriched: SchemaVersion) -> SchemaVersion? {
        switch stage {
        case .normalise: RecordEncoding.latest(.normalised, major: 1)
        case .parse: RecordEncoding.latest(.parsed, major: 1)
        case .enrich: enriched
        }
    }

    /// `normalise, parse` in pipeline order.
    public static func describe(_ stages: Set<Stage>) -> String {
        stages.sorted().map(\.rawValue).joined(separator: ", ")
    }
}
