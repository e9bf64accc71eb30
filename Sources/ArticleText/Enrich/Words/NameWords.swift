/// The words of a gazetteer name as the trie keys them: each word or number
/// token's folded form and the capitalisation a Latin word asks of the text.
/// Most names are plain words, each all ASCII letters or all Arabic letters,
/// separated by single spaces: those are split and folded here in one pass
/// over the scalars, without making tokens. Any other name (digits, marks,
/// hyphens, full stops, other scripts) goes through `EnrichTokeniser`, and the
/// two give the same words (`EnrichPlaceListTests` checks every listed name).
/// Loading the gazetteer tokenised 33,000 names, a fifth of its start-up.
struct NameWords {
    var folded: [FoldedWord]
    var cases: [Gazetteer.Case]
    /// Indices of the words a comma stands before ("Washington, D.C." → [1]):
    /// the text must put a comma there too (`Gazetteer` walks it as a step).
    var commaBefore: [Int] = []

    /// The words of `name`, by the plain-name path when it applies.
    static func of(_ name: String) -> NameWords {
        plain(name) ?? tokenised(name)
    }

    /// The words through the tokeniser, as the text's words are made.
    static func tokenised(_ name: String) -> NameWords {
        let tokens = EnrichTokeniser.tokens(of: name)
        var commaBefore: [Int] = []
        var words: [EnrichToken] = []
        for token in tokens {
            if token.kind == .word || token.kind == .number {
                words.append(token)
            } else if token.kind == .punctuation, isComma(token.text), !words.isEmpty {
                commaBefore.append(words.count)
            }
        }
        return NameWords(
            folded: words.map(\.folded),
            cases: words.map { word in
                guard word.script == .latin else { return .any }
                if word.isAllCaps && word.text.count <= 6 { return .allCaps }
                return word.isCapitalised ? .capitalised : .any
            },
            commaBefore: commaBefore)
    }

    /// A Latin or Arabic comma, which a name may hold between two words.
    static func isComma(_ text: String) -> Bool {
        text == "," || text == "\u{060C}"
    }

    /// The words of a name made only of single spaces and words that are
    /// each all ASCII letters or all Arabic letters (U+0621–U+063A,
    /// U+0641–U+064A); nil for any other name.
    static func plain(_ name: String) -> NameWords? {
        var scratch = Scratch()
        guard plain(name, into: &scratch) else { return nil }
        return NameWords(
            folded: scratch.ranges.map { FoldedWord(bytes: scratch.bytes[$0]) },
            cases: scratch.cases)
    }

    /// A plain name's words, reused from name to name so the gazetteer
    /// allocates nothing per name for them: the folded words' bytes one after
    /// another, each word's range of them, and each word's case rule.
    struct Scratch {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var cases: [Gazetteer.Case] = []

        init() {
            bytes.reserveCapacity(64)
            ranges.reserveCapacity(8)
            cases.reserveCapacity(8)
        }
    }

    /// Fills `scratch` with the words of `name` when it is plain (above);
    /// false, with `scratch` undefined, for any other name.
    static func plain(_ name: String, into scratch: inout Scratch) -> Bool {
        scratch.bytes.removeAll(keepingCapacity: true)
        scratch.ranges.removeAll(keepingCapacity: true)
        scratch.cases.removeAll(keepingCapacity: true)
        let table = FoldTable.shared
        var wordStart = 0
        var latin = false
        var letters = 0
        var upper = 0
        var firstUpper = false
        /// Ends the current word; false when the name is not plain (an
        /// empty word: a leading, trailing or double space).
        func finish(_ scratch: inout Scratch) -> Bool {
            guard letters > 0 else { return false }
            scratch.ranges.append(wordStart..<scratch.bytes.count)
            if !latin {
                scratch.cases.append(.any)
            } else if upper == letters && letters >= 2 && letters <= 6 {
                scratch.cases.append(.allCaps)
            } else {
                scratch.cases.append(firstUpper ? .capitalised : .any)
            }
            wordStart = scratch.bytes.count
            letters = 0
            upper = 0
            return true
        }
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if v == 0x20 {
                guard finish(&scratch) else { return false }
                continue
            }
            let isUpper = v >= 0x41 && v <= 0x5A
            let isASCIILetter = isUpper || (v >= 0x61 && v <= 0x7A)
            let isArabicLetter = (v >= 0x0621 && v <= 0x063A) || (v >= 0x0641 && v <= 0x064A)
            guard isASCIILetter || isArabicLetter else { return false }
            if letters == 0 {
                latin = isASCIILetter
                firstUpper = isUpper
            } else if latin != isASCIILetter {
                return false
            }
            letters += 1
            if isUpper {
                upper += 1
                scratch.bytes.append(UInt8(v + 0x20))
            } else if isASCIILetter {
                scratch.bytes.append(UInt8(v))
            } else {
                let entry = table.entry(v)
                if entry == FoldTable.keep {
                    UTF8Buffer.append(v, to: &scratch.bytes)
                } else if entry != FoldTable.remove {
                    let start = Int(entry >> 8)
                    for k in start..<(start + Int(entry & 0xFF)) { UTF8Buffer.append(table.replacements[k], to: &scratch.bytes) }
                }
            }
        }
        return finish(&scratch)
    }
}

extension NameWords: Equatable {}
