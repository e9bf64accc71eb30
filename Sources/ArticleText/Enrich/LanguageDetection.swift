/// Language (ISO 639-1) and dominant script (ISO 15924) of the article.
///
/// The script with the most letters wins, so an Arabic article quoting English
/// stays Arabic. Within a script: Arabic, Persian and Urdu are told apart by the
/// letters only Persian (پ چ ژ گ ک ی) or Urdu (ٹ ڈ ڑ ں ے) use; Russian and
/// Ukrainian by ы э ъ ё against і ї є ґ; the Latin languages by the stop words
/// only one of them lists, plus letters such as ş ğ ı (Turkish), ß (German),
/// ñ (Spanish). Confidence is the dominant script's share of the letters times
/// the winning language's share of its script's evidence.
enum LanguageDetection: EnrichmentStep {
    static let scriptLanguages: [String: [String]] = [
        "Arab": ["ar", "fa", "ur"],
        "Latn": ["en", "fr", "es", "de", "tr"],
        "Cyrl": ["ru", "uk"],
    ]

    /// Scripts used by a single language of interest.
    private static let singleLanguageScripts: [String: String] = [
        "Grek": "el", "Hebr": "he", "Hang": "ko", "Thai": "th", "Deva": "hi", "Jpan": "ja", "Hani": "zh",
    ]

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        // Counted in arrays indexed like `scriptCodes` and `markLanguages`: no hashing per letter.
        var letterCounts = [Int](repeating: 0, count: scriptCodes.count)
        var markCounts = [Int](repeating: 0, count: markLanguages.count)
        for scalar in input.scalars {
            guard isLetter(scalar) else { continue }
            letterCounts[scriptIndex(scalar)] += 1
            if let mark = distinctiveLetterIndex(scalar) { markCounts[mark] += 1 }
        }
        var letters: [String: Int] = [:]
        for (index, count) in letterCounts.enumerated() where count > 0 { letters[scriptCodes[index]] = count }
        var marks: [String: Int] = [:]
        for (index, count) in markCounts.enumerated() where count > 0 { marks[markLanguages[index]] = count }
        let total = letters.values.reduce(0, +)
        guard total >= 20, let (script, count) = letters.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
        else { return }
        result.script = script
        let scriptShare = Double(count) / Double(total)
        let (language, share): (String?, Double)
        if let group = scriptLanguages[script] {
            (language, share) = choose(among: group, input: input, marks: marks, letters: count)
        } else {
            (language, share) = (singleLanguageScripts[script], 1)
        }
        result.language = language
        if language != nil {
            result.languageConfidence = (scriptShare * share * 100).rounded() / 100
        }
        if let declared = declaredOther(input.article.declaredLanguage, script: script) {
            // Portuguese, Italian, Bulgarian… are outside the detector's set:
            // the input's own declaration, in the same script, is the better answer.
            result.language = declared
            result.languageConfidence = (scriptShare * 0.5 * 100).rounded() / 100
        }
    }

    /// Languages of `EnrichData/language-scripts.json` by script.
    private static let otherLanguages: [String: Set<String>] = {
        struct File: Decodable {
            var scripts: [String: [String]]
        }
        return EnrichResource.decode(File.self, from: "language-scripts").scripts.mapValues { Set($0) }
    }()

    /// The declared language's primary subtag when it is one the detector
    /// does not know and it is written in the detected script.
    private static func declaredOther(_ declared: String?, script: String) -> String? {
        guard let declared, let primary = declared.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        else { return nil }
        let code = String(primary)
        return otherLanguages[script]?.contains(code) == true ? code : nil
    }

    private static func choose(among group: [String], input: EnrichInput, marks: [String: Int], letters: Int)
        -> (String?, Double)
    {
        // Stop-word hits counted per position in `group`, then scored by name as before.
        var hits = [Int](repeating: 0, count: group.count)
        for token in input.tokens where token.isWord {
            guard let languages = StopWords.distinctiveLanguages[token.folded] else { continue }
            for language in languages {
                if let index = group.firstIndex(of: language) { hits[index] += 1 }
            }
        }
        var score: [String: Double] = [:]
        for (index, language) in group.enumerated() { score[language] = Double(hits[index]) }
        // A distinctive letter is worth a stop word; Persian and Urdu letters
        // are decisive only when they are more than a sprinkling of names.
        for (language, count) in marks where score[language] != nil {
            let share = Double(count) / Double(max(letters, 1))
            switch language {
            case "fa", "ur":
                if share >= 0.01 { score[language, default: 0] += Double(count) }
            default:
                score[language, default: 0] += Double(count)
            }
        }
        if group.contains("ur"), score["ur", default: 0] > 0 {
            score["fa", default: 0] *= 0.5
        }
        let sum = score.values.sorted().reduce(0, +)
        guard sum > 0, let best = score.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
        else { return (group.first, 0.5) }
        return (best.key, best.value / sum)
    }

    /// Whether a scalar is a letter, with fast answers for ASCII and the
    /// Arabic block (most of the text) before asking Unicode's tables.
    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0x0600 && v <= 0x06FF {
            return (0x0620...0x064A).contains(v) || (0x066E...0x06D3).contains(v) || v == 0x06D5
                || (0x06FA...0x06FF).contains(v)
        }
        return s.properties.isAlphabetic && !EnrichTokeniser.isDigit(s)
    }

    /// ISO 15924 codes of the scripts news text uses, indexed by `scriptIndex`.
    private static let scriptCodes = ["Latn", "Arab", "Cyrl", "Grek", "Hebr", "Deva", "Thai", "Hang", "Jpan", "Hani", "Zyyy"]

    /// The index in `scriptCodes` of a letter's script.
    private static func scriptIndex(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x0041...0x024F, 0x1E00...0x1EFF: 0
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: 1
        case 0x0400...0x052F: 2
        case 0x0370...0x03FF: 3
        case 0x0590...0x05FF: 4
        case 0x0900...0x097F: 5
        case 0x0E00...0x0E7F: 6
        case 0xAC00...0xD7AF, 0x1100...0x11FF: 7
        case 0x3040...0x30FF: 8
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: 9
        default: 10
        }
    }

    /// The languages distinctive letters point to, indexed by `distinctiveLetterIndex`.
    private static let markLanguages = ["fa", "ur", "uk", "ru", "tr", "de", "es", "fr"]

    /// The language a letter points to (an index into `markLanguages`), for
    /// letters only one of our languages uses.
    private static func distinctiveLetterIndex(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC: 0  // fa: پ چ ژ گ ک ی
        case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06BE: 1  // ur: ٹ ڈ ڑ ں ے ھ
        case 0x0456, 0x0457, 0x0454, 0x0491, 0x0406, 0x0407, 0x0404, 0x0490: 2  // uk: і ї є ґ
        case 0x044B, 0x044D, 0x044A, 0x0451, 0x042B, 0x042D, 0x0401: 3  // ru: ы э ъ ё
        case 0x015F, 0x015E, 0x011F, 0x011E, 0x0131, 0x0130: 4  // tr: ş ğ ı İ
        case 0x00DF: 5  // de: ß
        case 0x00F1, 0x00D1, 0x00BF, 0x00A1: 6  // es: ñ ¿ ¡
        case 0x0153, 0x00EA, 0x00E8, 0x00E0, 0x00E7, 0x00F9, 0x00EE: 7  // fr: œ ê è à ç ù î
        default: nil
        }
    }
}
