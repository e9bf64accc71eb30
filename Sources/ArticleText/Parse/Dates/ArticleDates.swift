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
/// the envelope) are the publisher's own statement and win when present,
/// reconciled with the text's as `reconcile` describes.
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
        let stated = published ?? unlabelled
        publishedAt = ArticleDates.reconcile(metadata: metadata.publishedAt, text: stated) ?? relative
        let update = ArticleDates.reconcile(metadata: metadata.updatedAt, text: updated)
        // A metadata modification time equal to the publication time is no
        // update; a date the text labels as an update is kept.
        updatedAt = updated == nil && update == publishedAt ? nil : update
    }

    /// Metadata wins, with two exceptions seen on real pages: a metadata
    /// instant in UTC one day off the date the page shows its readers (the
    /// local date is the one stated), and two dates over a year apart, where
    /// the earlier is a stale template, archive or site date (keep the later).
    static func reconcile(metadata: String?, text: String?) -> String? {
        guard let metadata, let text else { return metadata ?? text }
        guard let m = dayNumber(metadata), let t = dayNumber(text), m != t else { return metadata }
        if abs(m - t) >= 365 { return m > t ? metadata : text }
        let utc = metadata.hasSuffix("Z") || metadata.hasSuffix("+00:00") || metadata.hasSuffix("+0000")
        if abs(m - t) == 1, utc, metadata.count > 10 { return text }
        return metadata
    }

    /// Days since 1970-01-01 of an ISO 8601 string's date part.
    static func dayNumber(_ iso: String) -> Int? {
        let utf8 = Array(iso.utf8.prefix(10))
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in utf8[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard var y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m) else { return nil }
        // Days from civil (H. Hinnant's algorithm).
        y -= m <= 2 ? 1 : 0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whether nothing but punctuation follows the label at `index`.
    private static func isLabelOnly(_ tokens: [Token], after index: Int) -> Bool {
        guard let hit = DateLabels.table.match(tokens, at: index) else { return false }
        return tokens[(index + hit.length)...].allSatisfy { $0.kind == .symbol }
    }
}
