/// Outlets and agencies in credit lines: "(أبوظبي - البيان)", "الرياض - الوئام :",
/// "أبهــا-الوئام:" (a known place, a dash, then one or two words closing the
/// credit), and "سبق- أبها" at a line start (one word, a dash, a known place).
enum SourceCredits {
    private static let dashes: Set<String> = ["-", "–", "—"]
    private static let closers: Set<String> = [")", ":", "\n"]

    static func candidates(in words: EntityWords) -> [EntityCandidate] {
        var out: [EntityCandidate] = []
        for k in 0..<words.count {
            guard let place = words.known[k], place.name.type == .place else { continue }
            // PLACE - X
            if let dash = words.tokenAfter(place.lastWord), dashes.contains(dash.text) {
                let first = place.lastWord + 1
                var last = first
                while last + 1 < words.count, words.joined[last], last - first < 1 { last += 1 }
                if first < words.count, words[first].script == .arabic || words[first].script == .latin,
                    closes(after: last, in: words), words.known[first]?.name.type != .place
                {
                    out.append(EntityCandidate(start: words[first].start, end: words[last].end, type: .org, id: nil, source: .context))
                }
            }
            // X - PLACE at a line start
            if k >= 1, words.startsLine(k - 1), let dash = words.tokenAfter(k - 1), dashes.contains(dash.text),
                words.known[k - 1] == nil, closes(after: place.lastWord, in: words)
            {
                out.append(EntityCandidate(start: words[k - 1].start, end: words[k - 1].end, type: .org, id: nil, source: .context))
            }
        }
        return out
    }

    private static func closes(after last: Int, in words: EntityWords) -> Bool {
        guard let next = words.tokenAfter(last) else { return true }
        return closers.contains(next.text)
    }
}
