/// The known places, organisations and events of `EnrichData/` (generated
/// `places.tsv`, hand-written `place-aliases.json` and `organisations.json`),
/// merged by id. Every word of every name is interned to an id and each name
/// is a path of ids in a `TokenTrie`, so matching at a token walks the trie
/// along the following words (one probe per word, clitics removed from the
/// first), at a cost that does not grow with the number of names.
/// A place's `contextualNames` are everyday words too ("دوما" is also
/// "always", "امن" also "security"): they match only where the text puts a
/// place there (`EntityWords.hasPlaceContext`), and a plain name of the same
/// words wins over them. A comma inside a name ("Washington, D.C.") is a step
/// of its path, taken only where the text has a comma between the words.
struct Gazetteer: Sendable {
    struct Entry: Decodable, Sendable {
        var id: String
        var type: String
        var names: [String]
        var contextualNames: [String]?
    }

    /// How the text's word must be written for a Latin name word to match.
    enum Case: Sendable {
        case any
        case capitalised
        case allCaps
    }

    struct Name: Sendable {
        var cases: [Case]
        var type: Entity.Kind
        var id: String
        /// An everyday word as well: a match needs a place context.
        var needsContext = false
    }

    struct Match {
        var start: Int
        var end: Int
        var firstWord: Int
        var lastWord: Int
        var name: Name
        /// The name's article was elided after ل in the text ("للأمم المتحدة").
        var restoresArticle = false
    }

    static let shared = Gazetteer()

    /// The id of every word that occurs in a name.
    private let wordIDs: WordTable<Int32>
    private let trie: TokenTrie
    /// The names (indices into `names`) whose path ends at each trie node, in load order.
    private let namesAtNode: [[Int32]]
    private let names: [Name]
    /// The trie step for a comma between two of a name's words.
    private let commaID: Int32

    private init() {
        let files = [PlaceList.entries()] + ["place-aliases", "organisations"].map { EnrichResource.decode([Entry].self, from: $0) }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(files.map(\.count).reduce(0, +))
        var order: [String] = []
        for file in files {
            for entry in file {
                if var existing = entries[entry.id] {
                    existing.names += entry.names
                    existing.contextualNames = (existing.contextualNames ?? []) + (entry.contextualNames ?? [])
                    entries[entry.id] = existing
                } else {
                    entries[entry.id] = entry
                    order.append(entry.id)
                }
            }
        }
        var interner = WordInterner(capacity: entries.count * 3)
        let commaID = [UInt8(ascii: ",")].withUnsafeBufferPointer { interner.id(of: $0) }
        var scratch = NameWords.Scratch()
        var path: [Int32] = []
        var trie = TokenTrie()
        var namesAtNode: [[Int32]] = [[]]
        var names: [Name] = []
        for id in order {
            guard let entry = entries[id], let type = Entity.Kind(rawValue: entry.type) else { continue }
            let listed = entry.names.map { ($0, false) } + (entry.contextualNames ?? []).map { ($0, true) }
            for (name, needsContext) in listed {
                path.removeAll(keepingCapacity: true)
                let cases: [Case]
                if NameWords.plain(name, into: &scratch) {
                    scratch.bytes.withUnsafeBufferPointer { bytes in
                        for range in scratch.ranges { path.append(interner.id(of: UnsafeBufferPointer(rebasing: bytes[range]))) }
                    }
                    cases = scratch.cases
                } else {
                    let words = NameWords.tokenised(name)
                    for (index, word) in words.folded.enumerated() {
                        if words.commaBefore.contains(index) { path.append(commaID) }
                        path.append(word.withBytes { interner.id(of: $0) })
                    }
                    cases = words.cases
                }
                guard !path.isEmpty else { continue }
                let node = Int(trie.insert(path))
                while node >= namesAtNode.count { namesAtNode.append([]) }
                // The same words listed twice for one entry count once: its
                // earlier listing already ends at this node under its id.
                guard !namesAtNode[node].contains(where: { names[Int($0)].id == id }) else { continue }
                namesAtNode[node].append(Int32(names.count))
                names.append(Name(cases: cases, type: type, id: id, needsContext: needsContext))
            }
        }
        // A plain name is tried before an everyday-word one of the same words.
        namesAtNode = namesAtNode.map { list in
            list.filter { !names[Int($0)].needsContext } + list.filter { names[Int($0)].needsContext }
        }
        self.wordIDs = interner.table()
        self.trie = trie
        self.namesAtNode = namesAtNode
        self.names = names
        self.commaID = commaID
    }

    /// The id of a word that occurs in some name, or nil.
    func wordID(_ word: FoldedWord) -> Int32? { wordIDs[word] }

    /// Whether some name starts with `word`.
    func startsName(_ word: FoldedWord) -> Bool {
        wordIDs[word].map { trie.child(of: TokenTrie.root, $0) != nil } ?? false
    }

    /// Whether `word` alone is the whole name of a place ("بريطانيا", "العراق").
    func isPlaceName(_ word: FoldedWord) -> Bool {
        guard let id = wordIDs[word], let node = trie.child(of: TokenTrie.root, id) else { return false }
        return namesAtNode[Int(node)].contains { names[Int($0)].type == .place && !names[Int($0)].needsContext }
    }

    /// The longest name starting at word k (after Arabic clitics on that
    /// word); among names of that length, the first listed that the words'
    /// capitalisation fits.
    func match(at k: Int, in words: EntityWords) -> Match? {
        var best: Match?
        for reading in words.readings(k) {
            guard let first = wordIDs[reading.stem], var node = trie.child(of: TokenTrie.root, first) else { continue }
            var last = k
            while true {
                if best.map({ $0.lastWord < last }) ?? true,
                    let name = firstFitting(at: node, from: k, in: words, prefixLength: reading.prefixLength)
                {
                    best = Match(
                        start: words.start(k, skippingFolded: reading.prefixLength), end: words[last].end, firstWord: k,
                        lastWord: last, name: name, restoresArticle: reading.restoresArticle)
                }
                guard last + 1 < words.count else { break }
                // "Washington, D.C.": a comma in the text is a step only where the name has one.
                var step = node
                if !words.joined[last] {
                    guard words.commaFollows(last), let comma = trie.child(of: node, commaID) else { break }
                    step = comma
                }
                guard let id = words.gazetteerWord(last + 1), let next = trie.child(of: step, id) else { break }
                node = next
                last += 1
            }
        }
        return best
    }

    /// The first name ending at `node` whose capitalisation rules the words
    /// from k fit; an everyday-word name only in a place context.
    private func firstFitting(at node: TokenTrie.Node, from k: Int, in words: EntityWords, prefixLength: Int) -> Name? {
        for index in namesAtNode[Int(node)] {
            let name = names[Int(index)]
            if name.needsContext, !words.hasPlaceContext(k, prefixLength: prefixLength) { return nil }
            if name.cases.indices.allSatisfy({ fits(words[k + $0], name.cases[$0]) }) { return name }
        }
        return nil
    }

    private func fits(_ word: EnrichToken, _ rule: Case) -> Bool {
        switch rule {
        case .any: return true
        case .capitalised: return word.isCapitalised
        case .allCaps: return word.isAllCaps
        }
    }
}
