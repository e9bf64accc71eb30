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

    /// The words of `name`, by the plain-name path when it applies.
    static func of(_ name: String) -> NameWords {
        plain(name) ?? tokenised(name)
    }

    /// The words through the tokeniser, as the text's words are made.
    static func tokenised(_ name: String) -> NameWords {
        let words = EnrichTokeniser.tokens(of: name).filter { $0.kind == .word || $0.kind == .number }
        return NameWords(
            folded: words.map(\.folded),
            cases: words.map { word in
                guard word.script == .latin else { return .any }
                if word.isAllCaps && word.text.count <= 6 { return .allCaps }
                return word.isCapitalised ? .capitalised : .any
            })
    }

    /// The words of a name made only of single spaces and words that are
    /// each all ASCII letters or all Arabic letters (U+0621–U+063A,
    /// U+0641–U+064A); nil for any other name.
    static func plain(_ name: String) -> NameWords? {
        var out = NameWords(folded: [], cases: [])
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        let table = FoldTable.shared
        var latin = false
        var letters = 0
        var upper = 0
        var firstUpper = false
        /// Ends the word in `bytes`; false when the name is not plain (an
        /// empty word: a leading, trailing or double space).
        func finish() -> Bool {
            guard letters > 0 else { return false }
            out.folded.append(FoldedWord(bytes: bytes))
            if !latin {
                out.cases.append(.any)
            } else if upper == letters && letters >= 2 && letters <= 6 {
                out.cases.append(.allCaps)
            } else {
                out.cases.append(firstUpper ? .capitalised : .any)
            }
            bytes.removeAll(keepingCapacity: true)
            letters = 0
            upper = 0
            return true
        }
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if v == 0x20 {
                guard finish() else { return nil }
                continue
            }
            let isUpper = v >= 0x41 && v <= 0x5A
            let isASCIILetter = isUpper || (v >= 0x61 && v <= 0x7A)
            let isArabicLetter = (v >= 0x0621 && v <= 0x063A) || (v >= 0x0641 && v <= 0x064A)
            guard isASCIILetter || isArabicLetter else { return nil }
            if letters == 0 {
                latin = isASCIILetter
                firstUpper = isUpper
            } else if latin != isASCIILetter {
                return nil
            }
            letters += 1
            if isUpper {
                upper += 1
                bytes.append(UInt8(v + 0x20))
            } else if isASCIILetter {
                bytes.append(UInt8(v))
            } else {
                let entry = table.entry(v)
                if entry == FoldTable.keep {
                    appendUTF8(v, to: &bytes)
                } else if entry != FoldTable.remove {
                    let start = Int(entry >> 8)
                    for k in start..<(start + Int(entry & 0xFF)) { appendUTF8(table.replacements[k], to: &bytes) }
                }
            }
        }
        guard finish() else { return nil }
        return out
    }

    private static func appendUTF8(_ v: UInt32, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UTF8.encode(Unicode.Scalar(v)!)!)
    }
}

extension NameWords: Equatable {}
