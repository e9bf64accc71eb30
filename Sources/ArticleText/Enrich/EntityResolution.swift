/// Chooses among overlapping entity candidates: longer spans first, then the
/// stronger source. No entity is kept inside another of its own type; across
/// types a person is not kept inside an organisation, place or event ("جامعة
/// الملك خالد"), nor a place or organisation inside a person ("آسيا
/// العتروس"); other nestings (a place inside an organisation's name) stay.
/// Spans that cross without nesting keep the first chosen.
enum EntityResolution {
    static func resolve(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        let ordered = candidates.sorted {
            if $0.length != $1.length { return $0.length > $1.length }
            if $0.source != $1.source { return $0.source > $1.source }
            return $0.start < $1.start
        }
        var kept: [EntityCandidate] = []
        for candidate in ordered {
            var accept = true
            for other in kept where other.overlaps(candidate) {
                if !other.contains(candidate) || other.type == candidate.type
                    || (other.start == candidate.start && other.end == candidate.end)
                    || candidate.type == .person || other.type == .person
                {
                    accept = false
                    break
                }
            }
            if accept { kept.append(candidate) }
        }
        return kept.sorted { $0.start < $1.start || ($0.start == $1.start && $0.end > $1.end) }
    }
}
