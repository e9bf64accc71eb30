import ArticleText

/// The promises a fuzz target checks beyond "does not crash"; each traps with
/// a sentence naming the promise, so libFuzzer keeps the input as a crash.
enum FuzzCheck {
    /// README: normalise is idempotent, and so is the folded `searchText`.
    static func idempotent(_ normalised: String) {
        let again = Normaliser.normaliseText(normalised)
        if again != normalised {
            fatalError("normalise is not idempotent: \(scalars(normalised)) became \(scalars(again))")
        }
        let folded = Normaliser.fold(normalised)
        let refolded = Normaliser.fold(folded)
        if refolded != folded {
            fatalError("fold is not idempotent: \(scalars(folded)) became \(scalars(refolded))")
        }
    }

    /// Bad input gets a clear error: a rejection names its stage and code
    /// and gives one readable sentence.
    static func readableRejection(_ error: ArticleTextError) {
        let breaks = error.reason.unicodeScalars.contains {
            [.control, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
        }
        if error.reason.isEmpty || breaks {
            fatalError("\(error.stage.rawValue) rejected an input with the unreadable reason \"\(error.reason)\" (\(error.code.rawValue))")
        }
    }

    /// DESIGN: entities carry offsets (Unicode scalars, end exclusive) into
    /// `text`, and an entity's text is exactly its slice. Its `name`, when
    /// set, is the slice with the article an "لل" elides restored
    /// ("لجمعية العمومية" after the preposition's ل → "الجمعية العمومية").
    static func entityOffsets(_ article: TextStages.ArticleResult) {
        guard let entities = article.enrichment?.entities else { return }
        let text = Array(article.parsed.text.unicodeScalars)
        for entity in entities {
            guard entity.start >= 0, entity.start < entity.end, entity.end <= text.count else {
                fatalError("entity \"\(entity.text)\" has offsets \(entity.start)..<\(entity.end) outside a text of \(text.count) scalars")
            }
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: text[entity.start..<entity.end])
            let written = String(slice)
            if written != entity.text {
                fatalError("entity \"\(entity.text)\" at \(entity.start)..<\(entity.end) selects \"\(written)\"")
            }
            if let name = entity.name,
                !(entity.start > 0 && text[entity.start - 1] == "ل" && written.hasPrefix("ل") && name == "ا" + written)
            {
                fatalError("entity \"\(written)\" at \(entity.start)..<\(entity.end) has the name \"\(name)\", not its article restored")
            }
        }
    }

    private static func scalars(_ s: String) -> String {
        s.unicodeScalars.prefix(80).map { String($0.value, radix: 16) }.joined(separator: " ")
    }
}
