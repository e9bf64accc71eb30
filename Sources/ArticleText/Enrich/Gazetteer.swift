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

    /// A name the text matched: what it names.
    struct Name: Sendable {
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

    /// Loaded from `GazetteerTables.file`, which `newswire-tables` builds
    /// from the lists above (`EnrichTablesTests` checks it is up to date).
    static let shared = Gazetteer(GazetteerTables(serialised: EnrichResource.bytes(of: GazetteerTables.file)))

    /// The id of every word that occurs in a name.
    private let wordIDs: WordInterner
    private let trie: TokenTrie
    /// The names ending at trie node n are `nodeNameStarts[n]..<nodeNameStarts[n + 1]`,
    /// plain names first, then everyday-word ones, each in load order.
    private let nodeNameStarts: [Int32]
    /// Name i's words' case rules are `cases[caseStarts[i]..<caseStarts[i + 1]]` (`GazetteerTables.caseCode`).
    private let caseStarts: [Int32]
    private let cases: [UInt8]
    private let kinds: [Entity.Kind]
    private let needsContext: [Bool]
    private let entries: [Int32]
    private let ids: [String]
    /// The trie step for a comma between two of a name's words, when some name has one.
    private let commaID: Int32?

    init(_ tables: GazetteerTables) {
        wordIDs = WordInterner(arena: tables.wordBytes, starts: tables.wordStarts)
        trie = TokenTrie(parents: tables.parents, labels: tables.labels)
        var depth = [Int32](repeating: 0, count: tables.parents.count + 1)
        for n in 0..<tables.parents.count { depth[n + 1] = depth[Int(tables.parents[n])] + 1 }
        var nodeNameStarts = [Int32](repeating: 0, count: depth.count + 1)
        var caseStarts: [Int32] = [0]
        caseStarts.reserveCapacity(tables.nameNodes.count + 1)
        for node in tables.nameNodes {
            nodeNameStarts[Int(node) + 1] += 1
            caseStarts.append(caseStarts[caseStarts.count - 1] + depth[Int(node)])
        }
        for n in 0..<depth.count { nodeNameStarts[n + 1] += nodeNameStarts[n] }
        precondition(Int(caseStarts[caseStarts.count - 1]) == tables.cases.count, "gazetteer tables: the case rules do not fit the names")
        self.nodeNameStarts = nodeNameStarts
        self.caseStarts = caseStarts
        cases = tables.cases
        kinds = tables.flags.map { Entity.Kind.allCases[Int($0 & 0x7F)] }
        needsContext = tables.flags.map { $0 & 0x80 != 0 }
        entries = tables.nameEntries
        commaID = wordIDs.find(GazetteerTables.comma)
        ids = (0..<(tables.idStarts.count - 1)).map {
            String(decoding: tables.idBytes[Int(tables.idStarts[$0])..<Int(tables.idStarts[$0 + 1])], as: UTF8.self)
        }
    }

    /// The id of a word that occurs in some name, or nil.
    func wordID(_ word: FoldedWord) -> Int32? { wordIDs.find(word) }

    /// Whether some name starts with `word`.
    func startsName(_ word: FoldedWord) -> Bool {
        wordIDs.find(word).map { trie.child(of: TokenTrie.root, $0) != nil } ?? false
    }

    /// Whether `word` alone is the whole name of a place ("بريطانيا", "العراق").
    func isPlaceName(_ word: FoldedWord) -> Bool {
        guard let id = wordIDs.find(word), let node = trie.child(of: TokenTrie.root, id) else { return false }
        return (Int(nodeNameStarts[Int(node)])..<Int(nodeNameStarts[Int(node) + 1])).contains {
            kinds[$0] == .place && !needsContext[$0]
        }
    }

    /// The longest name starting at word k (after Arabic clitics on that
    /// word); among names of that length, the first listed that the words'
    /// capitalisation fits.
    func match(at k: Int, in words: EntityWords) -> Match? {
        var best: Match?
        for reading in words.readings(k) {
            guard let first = wordIDs.find(reading.stem), var node = trie.child(of: TokenTrie.root, first) else { continue }
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
                    guard let commaID, words.commaFollows(last), let comma = trie.child(of: node, commaID) else { break }
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
        for index in Int(nodeNameStarts[Int(node)])..<Int(nodeNameStarts[Int(node) + 1]) {
            if needsContext[index], !words.hasPlaceContext(k, prefixLength: prefixLength) { return nil }
            // A comma step stands for no word: the words after it are one further back.
            var word = k
            var fitting = true
            for rule in cases[Int(caseStarts[index])..<Int(caseStarts[index + 1])] where rule != GazetteerTables.commaStep {
                if !fits(words[word], rule) {
                    fitting = false
                    break
                }
                word += 1
            }
            if fitting {
                return Name(type: kinds[index], id: ids[Int(entries[index])], needsContext: needsContext[index])
            }
        }
        return nil
    }

    private func fits(_ word: EnrichToken, _ rule: UInt8) -> Bool {
        switch rule {
        case GazetteerTables.caseCode(.capitalised): return word.isCapitalised
        case GazetteerTables.caseCode(.allCaps): return word.isAllCaps
        default: return true
        }
    }
}
