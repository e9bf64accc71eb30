/// The clitics Arabic writes onto a word — و ف (and, so), ب ل ك (in, for,
/// like) and the article ال, with ل + ال written لل — and the forms a folded
/// word takes without them. Gazetteers, lexicons and keywords use it so that
/// "بالعراق", "للعراق" and "والعراق" all reach "العراق".
enum ArabicPrefixes {
    struct Variant: Equatable {
        /// The word without its clitics (an elided article restored: لعراق → العراق).
        var stem: FoldedWord
        /// How many folded scalars the clitics take at the word's start.
        var prefixLength: Int
        /// Scalars in `stem`.
        var stemLength: Int = 0
        /// Whether the article is among what was removed.
        var dropsArticle = false
        /// Whether `stem` starts with an article elided after ل that the
        /// reading restored ("للأمم" → "الأمم"), not a letter of the word.
        var restoresArticle = false

        init(stem: FoldedWord, prefixLength: Int, stemLength: Int = 0, dropsArticle: Bool = false, restoresArticle: Bool = false) {
            self.stem = stem
            self.prefixLength = prefixLength
            self.stemLength = stemLength
            self.dropsArticle = dropsArticle
            self.restoresArticle = restoresArticle
        }

        static func == (lhs: Variant, rhs: Variant) -> Bool {
            lhs.stem == rhs.stem && lhs.prefixLength == rhs.prefixLength
        }
    }

    /// Every clitic reading of one word, article removed or not, worked out
    /// once per token; the narrower views every caller needs are filters of
    /// it, read in place (an article's readings share one array).
    struct Readings {
        /// Scalars in the word.
        var wordLength = 0
        /// `variants(dropArticle: true, minimumStem: 2)`, in its order.
        var all: ArraySlice<Variant> = []

        /// `ArabicPrefixes.variants(of: word, dropArticle:, minimumStem:)`, without copying.
        func variants(dropArticle: Bool = false, minimumStem: Int = 2) -> LazyFilterSequence<ArraySlice<Variant>> {
            let all = wordLength > minimumStem ? self.all : self.all.prefix(0)
            return all.lazy.filter { (dropArticle || !$0.dropsArticle) && $0.stemLength >= minimumStem }
        }

        /// `ArabicPrefixes.stem(word)`: the reading with the longest prefix (article too, three scalars left).
        func stem(of word: FoldedWord) -> FoldedWord {
            guard wordLength > 3 else { return word }
            var best: Variant?
            for variant in all where variant.stemLength >= 3 && variant.prefixLength > (best?.prefixLength ?? -1) {
                best = variant
            }
            return best?.stem ?? word
        }
    }

    /// Every reading of `folded` with one or more clitics removed, shortest
    /// prefix first; when `dropArticle` is set the article goes too.
    static func variants(of folded: FoldedWord, dropArticle: Bool = false, minimumStem: Int = 2) -> [Variant] {
        Array(readings(of: folded).variants(dropArticle: dropArticle, minimumStem: minimumStem))
    }

    /// All readings of `folded` at once.
    static func readings(of folded: FoldedWord) -> Readings {
        var all: [Variant] = []
        let length = appendReadings(of: folded, to: &all)
        return Readings(wordLength: length, all: all[...])
    }

    /// Appends all readings of `folded` to `out` and returns the word's
    /// length in scalars (0 when it cannot carry a clitic). Works on the
    /// word's UTF-8 bytes: only its first five scalars are decoded, and each
    /// stem is one copy of the word's tail.
    static func appendReadings(of folded: FoldedWord, to out: inout [Variant]) -> Int {
        folded.withBytes { bytes in
            // Clitics are all in U+0627…U+064A, two bytes from D8 or D9.
            guard let lead = bytes.first, lead == 0xD8 || lead == 0xD9 else { return 0 }
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: 11) { scratch in
                // scratch[0..<5]: the first five scalars; scratch[5...]: where each starts (end padded).
                var n = 0
                for i in 0..<bytes.count where bytes[i] & 0xC0 != 0x80 {
                    if n < 5 {
                        scratch[n] = Int(scalar(bytes, at: i))
                        scratch[5 + n] = i
                    }
                    n += 1
                }
                for k in min(n, 5)..<5 {
                    scratch[k] = 0
                    scratch[5 + k] = bytes.count
                }
                scratch[10] = bytes.count
                guard n > 2, isCliticLetter(UInt32(scratch[0])) else { return n }
                func s(_ k: Int) -> UInt32 { k < 5 ? UInt32(scratch[k]) : 0 }
                var added: UInt32 = 0
                func add(_ from: Int, _ restoreArticle: Bool, _ length: Int, dropsArticle: Bool) {
                    let count = n - from + (restoreArticle ? 1 : 0)
                    let bit: UInt32 = 1 << (from * 2 + (restoreArticle ? 1 : 0))
                    guard count >= 2, added & bit == 0 else { return }
                    added |= bit
                    let tail = UnsafeBufferPointer(rebasing: bytes[scratch[5 + from]...])
                    let stem = restoreArticle ? FoldedWord(bytes: [0xD8, 0xA7] + tail) : FoldedWord(bytes: tail)
                    out.append(Variant(
                        stem: stem, prefixLength: length, stemLength: count, dropsArticle: dropsArticle,
                        restoresArticle: restoreArticle))
                }
                // Conjunction (و ف), then preposition (ب ل ك), each optional.
                let lastConjunctionEnd = s(0) == waw || s(0) == feh ? 1 : 0
                for c in 0...lastConjunctionEnd {
                    let lastPrepositionEnd = c < n && (s(c) == beh || s(c) == lam || s(c) == kaf) ? c + 1 : c
                    for p in c...lastPrepositionEnd where p < n {
                        if p > 0 { add(p, false, p, dropsArticle: false) }
                        let afterLam = p > c && s(p - 1) == lam
                        if afterLam, s(p) == lam {
                            add(p, true, p, dropsArticle: false)
                            add(p + 1, false, p + 1, dropsArticle: true)
                        }
                        if n > p + 2, s(p) == alef, s(p + 1) == lam {
                            add(p + 2, false, p + 2, dropsArticle: true)
                        }
                    }
                }
                return n
            }
        }
    }

    private static let waw: UInt32 = 0x0648
    private static let feh: UInt32 = 0x0641
    private static let beh: UInt32 = 0x0628
    private static let lam: UInt32 = 0x0644
    private static let kaf: UInt32 = 0x0643
    private static let alef: UInt32 = 0x0627

    /// The scalar whose UTF-8 encoding starts at `i`.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32 {
        let b0 = UInt32(bytes[i])
        func next(_ k: Int) -> UInt32 { i + k < bytes.count ? UInt32(bytes[i + k] & 0x3F) : 0 }
        if b0 < 0x80 { return b0 }
        if b0 < 0xE0 { return (b0 & 0x1F) << 6 | next(1) }
        if b0 < 0xF0 { return (b0 & 0x0F) << 12 | next(1) << 6 | next(2) }
        return (b0 & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
    }

    private static func isCliticLetter(_ s: UInt32) -> Bool {
        s == waw || s == feh || s == beh || s == lam || s == kaf || s == alef
    }

    /// A light stem for grouping words: clitics and the article removed.
    static func stem(_ folded: FoldedWord) -> FoldedWord {
        guard let first = folded.unicodeScalars.first, first.value >= 0x0600, first.value <= 0x06FF else {
            return folded
        }
        return readings(of: folded).stem(of: folded)
    }

    /// The scalar offset in `original` where the first `foldedLength` folded
    /// scalars end (folding drops marks and tatweel, so the two can differ).
    static func originalOffset(in original: String, afterFolded foldedLength: Int) -> Int {
        var seen = 0
        var offset = 0
        for scalar in original.unicodeScalars {
            if seen >= foldedLength, !Normaliser.fold(String(scalar)).isEmpty { break }
            seen += Normaliser.fold(String(scalar)).unicodeScalars.count
            offset += 1
        }
        return offset
    }
}
