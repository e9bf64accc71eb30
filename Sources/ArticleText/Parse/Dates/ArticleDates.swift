import Foundation

/// Chooses an article's publication and update dates from its header lines
/// (the lines between the headline and the body) and its metadata.
///
/// In each line a date takes the kind of the nearest label before it
/// ("تاريخ النشر", "آخر تحديث", "Posted"); a line holding only a label
/// ("التاريخ:") labels the first date of the next line. `publishedAt` is the
/// first publication-labelled date, else the first unlabelled one, else a
/// relative time resolved against the reference date; `updatedAt` is the
/// first update-labelled date. A date labelled only as an update never
/// becomes the publication date. Metadata dates (HTML meta tags, JSON-LD,
/// the envelope) are the publisher's own statement and win when present.
struct ArticleDates: Sendable, Hashable {
    var publishedAt: String?
    var updatedAt: String?

    init(headerLines: [[Token]], metadata: DocumentMetadata, context: ParseContext) {
        var published: String?
        var unlabelled: String?
        var updated: String?
        var relative: String?
        var pending: DateLabels.Kind?

        for tokens in headerLines {
            var labels: [(index: Int, kind: DateLabels.Kind)] = []
            var i = 0
            while i < tokens.count {
                if tokens[i].isWord, let hit = DateLabels.table.match(tokens, at: i) {
                    labels.append((i, hit.value))
                    i += hit.length
                } else {
                    i += 1
                }
            }
            let dates = DateScanner.scan(tokens)
            var carried = pending
            pending = nil
            for date in dates {
                let kind = labels.last(where: { $0.index < date.start })?.kind ?? carried
                carried = nil
                let iso = date.date.iso(timeZone: context.timeZone)
                switch kind {
                case .published?: if published == nil { published = iso }
                case .updated?: if updated == nil { updated = iso }
                case nil: if unlabelled == nil { unlabelled = iso }
                }
            }
            if dates.isEmpty, let last = labels.last, ArticleDates.isLabelOnly(tokens, after: last.index) {
                pending = last.kind
            }
            if dates.isEmpty, relative == nil, let reference = context.referenceDate,
               let match = RelativeDate.scan(tokens).first {
                let kind = labels.last(where: { $0.index < match.start })?.kind
                if kind != .updated {
                    relative = RelativeDate.resolve(match, reference: reference, timeZone: context.timeZone)
                }
            }
        }
        publishedAt = metadata.publishedAt ?? published ?? unlabelled ?? relative
        updatedAt = metadata.updatedAt ?? updated
    }

    /// Whether nothing but punctuation follows the label at `index`.
    private static func isLabelOnly(_ tokens: [Token], after index: Int) -> Bool {
        guard let hit = DateLabels.table.match(tokens, at: index) else { return false }
        return tokens[(index + hit.length)...].allSatisfy { $0.kind == .symbol }
    }
}
