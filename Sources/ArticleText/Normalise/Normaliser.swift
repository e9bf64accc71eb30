import Foundation

/// The normalise stage: turns a decoded `SourceDocument` into the faithful,
/// canonical `text` every later stage reads and the folded `searchText` used
/// for matching.
///
/// `text` is NFC with invisible and bidi controls, the BOM, soft hyphens and
/// tatweel removed (ZWNJ and ZWJ are kept where they sit between two
/// Arabic-script letters, since Persian and Urdu spelling needs them),
/// whitespace unified (every space-like character becomes U+0020, runs
/// collapse, lines lose leading and trailing spaces, every line-break form
/// becomes `\n`, at most one blank line in a row, no blank lines at either
/// end). Everything else — quotes, dashes, €, ©, emoji, the text's own digits
/// — is kept. Both functions are idempotent and total: they work on Unicode
/// scalars in one pass, with no regular expressions.
public enum Normaliser {
    /// Normalises a document's text and its metadata strings (title, outlet and
    /// author become single lines; dates get ASCII digits).
    public static func normalise(_ doc: SourceDocument) -> NormalisedDocument {
        var report = NormalisationReport()
        let text = normaliseText(doc.text, report: &report)
        var metadata = doc.metadata
        metadata.title = singleLine(metadata.title)
        metadata.outlet = singleLine(metadata.outlet)
        metadata.author = singleLine(metadata.author)
        metadata.language = singleLine(metadata.language)
        metadata.url = singleLine(metadata.url)
        metadata.publishedAt = singleLine(metadata.publishedAt).map(machineDigits)
        metadata.updatedAt = singleLine(metadata.updatedAt).map(machineDigits)
        metadata.fetchedAt = singleLine(metadata.fetchedAt).map(machineDigits)
        return NormalisedDocument(
            text: text, searchText: fold(text), format: doc.format, metadata: metadata,
            receivedAt: doc.receivedAt, report: report
        )
    }

    /// The faithful normalised form of `s` (see the type's description).
    public static func normaliseText(_ s: String) -> String {
        var report = NormalisationReport()
        return normaliseText(s, report: &report)
    }

    /// The normalised form of `s`, counting what changed into `report`.
    public static func normaliseText(_ s: String, report: inout NormalisationReport) -> String {
        let table = CharacterTable.shared
        let input = mayNeedNFC(s, table) ? s.precomposedStringWithCanonicalMapping : s
        var removedSomething = false
        var emittedUnsafe = false
        // The output is never longer than the input: each scalar is written
        // as itself, or a space or line break replaces at least one scalar.
        let result = UTF8Scan.withBytes(input) { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                normalise(bytes, into: out, table, &report, &removedSomething, &emittedUnsafe)
            }
        }
        // Removing a control can bring a combining mark next to a new base;
        // compose again so the result is NFC and a second pass is a no-op.
        return removedSomething && emittedUnsafe ? result.precomposedStringWithCanonicalMapping : result
    }

    /// The scalar loop of `normaliseText` over valid UTF-8 `bytes`, writing
    /// into `out` (as long as `bytes`); returns how many bytes it wrote.
    private static func normalise(
        _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, _ table: CharacterTable,
        _ report: inout NormalisationReport, _ removedSomething: inout Bool, _ emittedUnsafe: inout Bool
    ) -> Int {
        var written = 0
        @inline(__always) func emit(_ b: UInt8) {
            out[written] = b
            written &+= 1
        }
        var lastClass: UInt16 = 0
        var pendingSpace = false
        var pendingBreaks = 0
        var atStart = true
        var lineStart = true
        var previousIsArabicLetter = false
        var pendingJoiner: Range<Int>?
        var lastWasCR = false
        var i = 0
        let end = bytes.count
        while i < end {
            let start = i
            let v = UTF8Scan.next(bytes, &i)
            let flags = table.flags(v)
            let kind = CharacterTable.kind(flags)
            let isCR = v == 0x0D
            defer { lastWasCR = isCR }
            switch kind {
            case .remove:
                report.removedControls += 1
                removedSomething = true
            case .tatweel:
                report.removedTatweel += 1
                removedSomething = true
            case .joiner:
                if previousIsArabicLetter && pendingJoiner == nil && !pendingSpace && pendingBreaks == 0 {
                    pendingJoiner = start..<i
                } else {
                    report.removedControls += 1
                    removedSomething = true
                }
            case .space:
                if v != 0x20 || pendingSpace || lineStart { report.unifiedWhitespace += 1 }
                if !lineStart { pendingSpace = true }
                if pendingJoiner != nil {
                    pendingJoiner = nil
                    report.removedControls += 1
                    removedSomething = true
                }
                previousIsArabicLetter = false
            case .lineBreak:
                if v == 0x0A && lastWasCR {
                    report.unifiedWhitespace += 1
                    continue
                }
                if v != 0x0A || pendingBreaks >= 2 || atStart { report.unifiedWhitespace += 1 }
                if pendingSpace { report.unifiedWhitespace += 1 }
                pendingBreaks += 1
                pendingSpace = false
                lineStart = true
                if pendingJoiner != nil {
                    pendingJoiner = nil
                    report.removedControls += 1
                    removedSomething = true
                }
                previousIsArabicLetter = false
            case .other, .quote, .dash:
                if kind == .quote { report.quotes += 1 } else if kind == .dash { report.dashes += 1 }
                if pendingBreaks > 0 {
                    if !atStart {
                        emit(0x0A)
                        if pendingBreaks > 1 { emit(0x0A) }
                    }
                    pendingBreaks = 0
                } else if pendingSpace {
                    emit(0x20)
                }
                pendingSpace = false
                if let joiner = pendingJoiner {
                    if flags & CharacterTable.arabicLetter != 0 {
                        for k in joiner { emit(bytes[k]) }
                    } else {
                        report.removedControls += 1
                        removedSomething = true
                    }
                    pendingJoiner = nil
                }
                for k in start..<i { emit(bytes[k]) }
                // A removed scalar may have separated a base from a mark that
                // now composes with it, or two marks now out of order.
                let ccc = CharacterTable.combiningClass(flags)
                if flags & CharacterTable.nfcMaybe != 0 || (ccc != 0 && lastClass > ccc) { emittedUnsafe = true }
                lastClass = ccc
                atStart = false
                lineStart = false
                if flags & CharacterTable.arabicMark == 0 {
                    previousIsArabicLetter = flags & CharacterTable.arabicLetter != 0
                }
                // Nothing is pending now, so the plain scalars that follow
                // (no kind, mark, combining class or NFC flag: letters and
                // digits, most of a text) are copied as they are, which is
                // all the case above would do with them.
                while i < end {
                    var next = i
                    let plain = table.flags(UTF8Scan.next(bytes, &next))
                    guard plain & ~CharacterTable.arabicLetter == 0 else { break }
                    for k in i..<next { emit(bytes[k]) }
                    previousIsArabicLetter = plain != 0
                    lastClass = 0
                    i = next
                }
            }
        }
        if pendingJoiner != nil { report.removedControls += 1 }
        // Line breaks and spaces left pending at the end are dropped.
        report.unifiedWhitespace += pendingBreaks + (pendingSpace ? 1 : 0)
        return written
    }

    /// The search form of `s`: Arabic diacritics (U+064B–065F, U+0670, Quranic
    /// marks) and Latin combining marks removed; آ أ إ ٱ → ا; ى and Persian ی →
    /// ي; ة → ه; Persian ک → ك; Latin, Greek and Cyrillic lower-cased, Latin and
    /// Greek accents folded (é → e, ß → ss); Arabic-Indic and Persian digits →
    /// ASCII; invisible controls, joiners and tatweel removed; space-like
    /// characters → space and line-break forms → `\n`. Hamza seats ؤ and ئ are
    /// kept: folding them would not unify the spellings that differ in
    /// practice (مسؤول / مسئول) and would merge unrelated words.
    /// A scalar-by-scalar map whose outputs are fixed points, so it is
    /// idempotent. Apply it to normalised text (`normaliseText`) for the
    /// record's `searchText`.
    public static func fold(_ s: String) -> String {
        let table = FoldTable.shared
        return UTF8Scan.withBytes(s) { bytes in
            var out = UTF8Buffer(capacity: bytes.count)
            table.replacements.withUnsafeBufferPointer { replacements in
                var i = 0
                let end = bytes.count
                while i < end {
                    let b = bytes[i]
                    if b < 0x80 {
                        out.appendByte(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                        i &+= 1
                        continue
                    }
                    let start = i
                    let entry = table.entry(UTF8Scan.next(bytes, &i))
                    if entry == FoldTable.keep {
                        for k in start..<i { out.appendByte(bytes[k]) }
                    } else if entry != FoldTable.remove {
                        let first = Int(entry >> 8)
                        for k in first..<(first + Int(entry & 0xFF)) { out.append(replacements[k]) }
                    }
                }
            }
            return out.string
        }
    }

    /// `s` with Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits
    /// replaced by ASCII digits; everything else unchanged. For machine fields
    /// (dates, numbers) that parse reads out of text keeping its own digits.
    public static func machineDigits(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0xD9 && $0 <= 0xDB }) else { return s }
        var scalars = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v >= 0x0660 && v <= 0x0669, let d = Unicode.Scalar(v - 0x0660 + 0x30) {
                scalars.append(d)
            } else if v >= 0x06F0 && v <= 0x06F9, let d = Unicode.Scalar(v - 0x06F0 + 0x30) {
                scalars.append(d)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether NFC could change `s` (UAX #15 quick check); most Arabic and
    /// English news text is already NFC and skips the NFC pass.
    private static func mayNeedNFC(_ s: String, _ table: CharacterTable) -> Bool {
        guard s.utf8.contains(where: { $0 >= 0xCC }) else { return false }
        return !UTF8Scan.withBytes(s) { table.isQuickNFC($0) }
    }

    /// A metadata string as one normalised line, or nil when nothing is left.
    private static func singleLine(_ s: String?) -> String? {
        guard let s else { return nil }
        let line = normaliseText(s).split(separator: "\n").joined(separator: " ")
        return line.isEmpty ? nil : line
    }
}
