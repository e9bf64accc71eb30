/// The gazetteer as flat arrays: its name words interned (`WordInterner`),
/// its names as paths in a `TokenTrie` (each node's parent and word) and,
/// per name, the node it ends at, its entry's id, its kind and its words'
/// case rules. Built from the lists of record (`places.tsv`,
/// `place-aliases.json`, `organisations.json`) by `fromSourceLists()`, which
/// folds and tokenises about 33,000 names, and kept in `gazetteer.bin`
/// (`newswire-tables` writes it), which loads with no per-entry parsing:
/// building from the lists was most of the text stages' start-up.
/// `EnrichTablesTests` checks that the file equals what the lists give.
struct GazetteerTables: Equatable, Sendable {
    static let file = "EnrichData/gazetteer.bin"
    static let magic: StaticString = "NWGAZ001"

    var wordBytes: [UInt8] = []
    var wordStarts: [Int32] = [0]
    var parents: [Int32] = []
    var labels: [Int32] = []
    /// Per name, in the order `Gazetteer` tries them: by node, and at one
    /// node plain names before everyday-word ones, each in load order.
    var nameNodes: [Int32] = []
    var nameEntries: [Int32] = []
    /// `Entity.Kind.allCases` index, with 0x80 set for an everyday-word name.
    var flags: [UInt8] = []
    /// Every name's words' case rules, one after another (`caseCode`).
    var cases: [UInt8] = []
    var idBytes: [UInt8] = []
    var idStarts: [Int32] = [0]

    /// The case code of a comma step ("Washington, D.C."): no word of the
    /// text stands for it, the comma between two words does.
    static let commaStep: UInt8 = 3
    /// The word a name's comma step is interned as.
    static let comma = FoldedWord(",")

    static func caseCode(_ rule: Gazetteer.Case) -> UInt8 {
        switch rule {
        case .any: return 0
        case .capitalised: return 1
        case .allCaps: return 2
        }
    }

    init(serialised bytes: [UInt8]) {
        var reader = BinaryTableReader(bytes, magic: Self.magic, file: Self.file)
        wordBytes = reader.read(UInt8.self)
        wordStarts = reader.read(Int32.self)
        parents = reader.read(Int32.self)
        labels = reader.read(Int32.self)
        nameNodes = reader.read(Int32.self)
        nameEntries = reader.read(Int32.self)
        flags = reader.read(UInt8.self)
        cases = reader.read(UInt8.self)
        idBytes = reader.read(UInt8.self)
        idStarts = reader.read(Int32.self)
        guard reader.isAtEnd, nameNodes.count == nameEntries.count, nameNodes.count == flags.count else {
            preconditionFailure("ArticleText resource \(Self.file) does not hold the gazetteer's arrays; regenerate it with Scripts/build-text-tables.sh")
        }
    }

    func serialised() -> [UInt8] {
        var writer = BinaryTableWriter(magic: Self.magic)
        writer.append(wordBytes)
        writer.append(wordStarts)
        writer.append(parents)
        writer.append(labels)
        writer.append(nameNodes)
        writer.append(nameEntries)
        writer.append(flags)
        writer.append(cases)
        writer.append(idBytes)
        writer.append(idStarts)
        return writer.bytes
    }

    private init() {}

    /// The tables the lists of record give: entries merged by id (names of a
    /// later listing of an id added to the first), every name's words folded
    /// and interned, each name once per entry at its trie node.
    static func fromSourceLists() -> GazetteerTables {
        let files = [PlaceList.entries()] + ["place-aliases", "organisations"].map { EnrichResource.decode([Gazetteer.Entry].self, from: $0) }
        var entries: [String: Gazetteer.Entry] = [:]
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
        struct Listed {
            var entry: Int32
            var flags: UInt8
            var cases: [UInt8]
        }
        var interner = WordInterner(capacity: entries.count * 3)
        var scratch = NameWords.Scratch()
        var path: [Int32] = []
        var trie = TokenTrie()
        var namesAtNode: [[Listed]] = [[]]
        var tables = GazetteerTables()
        for id in order {
            guard let entry = entries[id], let type = Entity.Kind(rawValue: entry.type),
                let kind = Entity.Kind.allCases.firstIndex(of: type)
            else { continue }
            let entryIndex = Int32(tables.idStarts.count - 1)
            var used = false
            let listed = entry.names.map { ($0, false) } + (entry.contextualNames ?? []).map { ($0, true) }
            for (name, needsContext) in listed {
                path.removeAll(keepingCapacity: true)
                var cases: [UInt8] = []
                if NameWords.plain(name, into: &scratch) {
                    scratch.bytes.withUnsafeBufferPointer { bytes in
                        for range in scratch.ranges { path.append(interner.id(of: UnsafeBufferPointer(rebasing: bytes[range]))) }
                    }
                    cases = scratch.cases.map(caseCode)
                } else {
                    let words = NameWords.tokenised(name)
                    for (index, word) in words.folded.enumerated() {
                        if words.commaBefore.contains(index) {
                            path.append(comma.withBytes { interner.id(of: $0) })
                            cases.append(commaStep)
                        }
                        path.append(word.withBytes { interner.id(of: $0) })
                        cases.append(caseCode(words.cases[index]))
                    }
                }
                guard !path.isEmpty else { continue }
                let node = Int(trie.insert(path))
                while node >= namesAtNode.count { namesAtNode.append([]) }
                // The same words listed twice for one entry count once: its
                // earlier listing already ends at this node under its id.
                guard !namesAtNode[node].contains(where: { $0.entry == entryIndex }) else { continue }
                namesAtNode[node].append(Listed(entry: entryIndex, flags: UInt8(kind) | (needsContext ? 0x80 : 0), cases: cases))
                used = true
            }
            if used {
                tables.idBytes += Array(id.utf8)
                tables.idStarts.append(Int32(tables.idBytes.count))
            }
        }
        for (node, list) in namesAtNode.enumerated() {
            // A plain name is tried before an everyday-word one of the same words.
            for name in list.filter({ $0.flags & 0x80 == 0 }) + list.filter({ $0.flags & 0x80 != 0 }) {
                tables.nameNodes.append(Int32(node))
                tables.nameEntries.append(name.entry)
                tables.flags.append(name.flags)
                tables.cases += name.cases
            }
        }
        tables.wordBytes = interner.arena
        tables.wordStarts = interner.starts
        tables.parents = trie.parents
        tables.labels = trie.labels
        return tables
    }
}
