import ArticleText

/// Scores the names the enrich stage finds against labelled names: a label
/// is found when an entity of the same type has exactly the same name
/// (`Entity.canonicalName`: after لل the article restored, as the labels
/// write it; on the folded forms, whitespace collapsed: `LabelEvaluation.key`). A found name
/// counts against precision only when the label lists every name of the text
/// (`entities_exhaustive`).
public enum EntityMatching {
    /// The entity kind a label type stands for.
    static func kind(_ label: String) -> Entity.Kind? {
        switch label {
        case "PER": .person
        case "LOC": .place
        case "ORG": .org
        case "EVENT": .event
        default: nil
        }
    }

    /// The entities of every article parsed from one input, each article's
    /// headline, dateline and agency line included, each as a line of its
    /// own (the labels take names from every line the parser keeps; the
    /// record's `entities` cover only its `text`).
    public static func entities(of articles: [ParsedArticle]) -> [Entity] {
        articles.flatMap(entities(of:))
    }

    private static func entities(of article: ParsedArticle) -> [Entity] {
        var whole = article
        whole.paragraphs = [article.title, article.dateline, article.agency].compactMap { $0 } + article.paragraphs
        return Enricher.enrich(whole).entities
    }

    /// The names the second, "flat" figure counts as predictions: only the
    /// types the labels use (PER, LOC, ORG; EVENT is never labelled) and only
    /// outermost names, none inside another name found ("U.S." inside "U.S.
    /// Department of State", "Paris" inside "Paris Agreement"), as the labels
    /// list names flat. Recall is the same in both figures.
    public static func flatEntities(of articles: [ParsedArticle]) -> [Entity] {
        articles.flatMap { article -> [Entity] in
            let found = entities(of: article)
            return found.filter { entity in
                entity.type != .event && !found.contains { other in
                    other.start <= entity.start && entity.end <= other.end && other.end - other.start > entity.end - entity.start
                }
            }
        }
    }

    /// Adds one file's names to `score`; returns the misses (labelled names
    /// not found) and the false positives (found names not labelled, only for
    /// an exhaustive label).
    /// With `predicted`, precision counts only those names (the flat figure);
    /// recall always looks among all of `found`.
    static func score(
        _ label: GoldLabel, found: [Entity], predicted: [Entity]? = nil, into score: inout FieldScore
    ) -> (missed: [String], wrong: [String]) {
        let labelled = Set((label.entitiesTyped ?? []).compactMap { name in
            kind(name.type).map { TypedKey(text: LabelEvaluation.key(name.text), kind: $0) }
        })
        let got = Set(found.map { TypedKey(text: LabelEvaluation.key($0.canonicalName), kind: $0.type) })
        let counted = predicted.map { Set($0.map { TypedKey(text: LabelEvaluation.key($0.canonicalName), kind: $0.type) }) } ?? got
        var missed: [String] = []
        for name in labelled.sorted() {
            score.expected += 1
            if got.contains(name) { score.expectedFound += 1 } else { missed.append(name.description) }
        }
        var wrong: [String] = []
        if label.entitiesExhaustive == true {
            for name in counted.sorted() {
                score.predicted += 1
                if labelled.contains(name) { score.predictedRight += 1 } else { wrong.append(name.description) }
            }
        }
        return (missed, wrong)
    }

    /// A name on its folded text, with its type.
    struct TypedKey: Hashable, Comparable, CustomStringConvertible {
        var text: String
        var kind: Entity.Kind

        static func < (a: TypedKey, b: TypedKey) -> Bool { (a.text, a.kind.rawValue) < (b.text, b.kind.rawValue) }
        var description: String { "\(text)/\(kind.rawValue)" }
    }
}
