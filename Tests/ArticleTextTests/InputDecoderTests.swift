import Foundation
import Testing
@testable import ArticleText

@Suite("Input decoder: forms and errors", .timeLimit(.minutes(5)))
struct InputDecoderTests {
    private func decode(_ s: String, _ format: InputFormat = .auto, url: String? = nil) throws(ArticleTextError) -> SourceDocument {
        try InputDecoder.decode(RawArticle(bytes: Array(s.utf8), declaredFormat: format, url: url))
    }

    private func error(_ bytes: [UInt8], format: InputFormat = .auto, limits: InputLimits = .init()) -> ArticleTextError? {
        do {
            _ = try InputDecoder.decode(RawArticle(bytes: bytes, declaredFormat: format), limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func plainTextPassesThroughWithoutBOM() throws {
        let doc = try decode("\u{FEFF}عنوان الخبر\nالنص الأول", url: "https://example.org/a")
        #expect(doc.format == .text)
        #expect(doc.text == "عنوان الخبر\nالنص الأول")
        #expect(doc.metadata.url == "https://example.org/a")
    }

    @Test func detectsEachForm() {
        #expect(InputDecoder.detect("plain words") == .text)
        #expect(InputDecoder.detect("  {\"body\":\"x\"}") == .json)
        #expect(InputDecoder.detect("<!DOCTYPE html><html><body><p>x</p></body></html>") == .html)
        #expect(InputDecoder.detect("<p>fragment</p>") == .html)
        #expect(InputDecoder.detect("<<< not markup >>>") == .text)
        #expect(InputDecoder.detect("a < b and c > d") == .text)
    }

    @Test("HTML sniffing: markers in any ASCII case, after any white space; text needs an end tag too")
    func sniffsMarkersWithoutCase() {
        #expect(InputDecoder.detect("<DIV CLASS=\"x\">body</DIV>") == .html)
        #expect(InputDecoder.detect("\u{00A0}\u{2028}<Section>نص</Section>") == .html)
        #expect(InputDecoder.detect("<\u{0301}div>") == .text)
        #expect(InputDecoder.detect("نص <b>عريض</b> ثم <div>كتلة</div>") == .html)
        #expect(InputDecoder.detect("نص ثم <div> بلا إغلاق") == .text)
        #expect(InputDecoder.detect("<b>bold</b> only, no marker") == .text)
        #expect(InputDecoder.detect(String(repeating: "x", count: 5000) + "<html></html>") == .text)
    }

    @Test func readsTheEnvelope() throws {
        let json = """
            {"schema":"article.raw","schemaVersion":"1.0","url":"https://example.org/x","source":"Example Daily",
             "fetchedAt":"2024-04-13T10:00:00Z","language":"ar","contentType":"text/plain","body":"سطر أول\\nسطر ثان"}
            """
        let doc = try decode(json)
        #expect(doc.format == .json)
        #expect(doc.text == "سطر أول\nسطر ثان")
        #expect(doc.metadata.outlet == "Example Daily")
        #expect(doc.metadata.url == "https://example.org/x")
        #expect(doc.metadata.language == "ar")
        #expect(doc.metadata.fetchedAt == "2024-04-13T10:00:00Z")
    }

    @Test func envelopeWithHTMLBodyIsExtracted() throws {
        let json = #"{"body":"<html><head><meta property=\"article:published_time\" content=\"2024-04-13T09:30:00+03:00\"></head><body><nav>Home | World</nav><p>The only paragraph of this small article body.</p></body></html>","source":"Outlet"}"#
        let doc = try decode(json)
        #expect(doc.format == .json)
        #expect(doc.text == "The only paragraph of this small article body.")
        #expect(doc.metadata.publishedAt == "2024-04-13T09:30:00+03:00")
        #expect(doc.metadata.outlet == "Outlet")
    }

    @Test func badEnvelopesAreTypedErrors() {
        let cases = [
            #"{"url":"https://example.org"}"#,
            #"{"body":42}"#,
            #"{"schema":"article.parsed","body":"x"}"#,
            #"{"schemaVersion":"2.0","body":"x"}"#,
            #"{"body":"x","source":["a"]}"#,
        ]
        for json in cases {
            let e = error(Array(json.utf8))
            #expect(e?.code == .invalidEnvelope, "\(json)")
            #expect(e?.stage == .normalise)
        }
        #expect(error(Array(#"{"body":"   "}"#.utf8))?.code == .emptyInput)
        #expect(error(Array("not json".utf8), format: .json)?.code == .invalidEnvelope)
        #expect(error(Array(#"{"body": "unterminated"#.utf8), format: .json)?.code == .invalidEnvelope)
    }

    @Test func textThatOnlyStartsWithABraceIsText() throws {
        let doc = try decode("{Editor's note} This article was updated.")
        #expect(doc.format == .text)
        #expect(doc.text == "{Editor's note} This article was updated.")
    }

    /// A JSON envelope cut off in transit, or nested past the parser's depth
    /// limit, used to become a one-line article of JSON punctuation; it is a
    /// broken envelope, and says so.
    @Test func jsonObjectThatDoesNotParseIsAnInvalidEnvelope() {
        let cases = [
            #"{"schema":"article.raw","url":"https://example.org/a","body":"The council met on Tues"#,
            #"{"sch"#,
            "  \n{ \"body\": \"cut",
            String(repeating: #"{"body":"#, count: 10_000) + #""x""# + String(repeating: "}", count: 10_000),
            #"{"schema":"article.raw","body":"x","url":"# + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}",
        ]
        for json in cases {
            let e = error(Array(json.utf8))
            #expect(e?.code == .invalidEnvelope, "\(json.prefix(60))")
            #expect(e?.reason.hasPrefix("the input starts as a JSON object") == true, "\(e?.reason ?? "decoded")")
        }
        #expect(InputDecoder.opensJSONObject(#" {"a""#))
        #expect(!InputDecoder.opensJSONObject("{Editor's note}"))
        #expect(!InputDecoder.opensJSONObject("{ } braces"))
    }

    @Test func emptyAndWhitespaceInputs() {
        #expect(error([])?.code == .emptyInput)
        #expect(error([])?.reason == "the input is empty")
        #expect(error(Array(" \n\t\r\n".utf8))?.code == .emptyInput)
        #expect(error([0xEF, 0xBB, 0xBF])?.code == .emptyInput)
    }

    @Test func invalidUTF8NamesTheOffset() {
        var bytes = Array("seventeen bytes!!".utf8)
        #expect(bytes.count == 17)
        bytes.append(0xFF)
        bytes += Array(" more".utf8)
        let e = error(bytes)
        #expect(e?.code == .invalidUTF8)
        #expect(e?.reason == "the input is not valid UTF-8 (first bad byte at offset 17)")
        // Overlong, surrogate and truncated forms.
        #expect(error([0x61, 0xC0, 0xAF])?.code == .invalidUTF8)
        #expect(error([0x61, 0xED, 0xA0, 0x80])?.code == .invalidUTF8)
        #expect(error([0x61, 0xE2, 0x82])?.code == .invalidUTF8)
        #expect(error([0x61, 0xF4, 0x90, 0x80, 0x80])?.code == .invalidUTF8)
    }

    @Test func binaryInputIsRejected() {
        #expect(error([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])?.code == .binaryInput)
        let controlHeavy = Array(repeating: Array("ab\u{01}\u{02}".utf8), count: 50).flatMap { $0 }
        #expect(error(controlHeavy)?.code == .binaryInput)
        // A stray control in long text is not binary.
        let text = Array((String(repeating: "word ", count: 100) + "\u{07}").utf8)
        #expect(error(text) == nil)
    }

    @Test("Control bytes and the first NUL are found at every position of the word-at-a-time scan")
    func controlScanSeesEveryPosition() {
        let base = Array("The quick brown fox jumps over!".utf8)
        for at in base.indices {
            for value in Array(UInt8(0)...UInt8(0x21)) + [0x7F, 0x80, 0xA0, 0xFF] {
                var bytes = base
                bytes[at] = value
                if at + 9 < bytes.count { bytes[at + 9] = 0x01 }
                for start in 0..<3 {
                    let slice = bytes[start...]
                    let found = ByteChecks.controls(slice)
                    let expectedHere = slice.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B].contains($0) }.count
                    #expect(found.count == expectedHere, "byte \(value) at \(at), from \(start)")
                    #expect(found.firstNUL == slice.firstIndex(of: 0).map { $0 - start }, "byte \(value) at \(at), from \(start)")
                }
            }
        }
    }

    @Test func oversizedInputIsRejectedBeforeWork() {
        let limits = InputLimits(maxBytes: 1024)
        let e = error(Array(repeating: 0x61, count: 2048), limits: limits)
        #expect(e?.code == .tooLarge)
        #expect(e?.reason == "the input is 2 KiB, over the 1 KiB limit")
        #expect(error(Array(repeating: 0x61, count: 3 * 1024 * 1024))?.reason == "the input is 3 MiB, over the 2 MiB limit")
    }

    @Test func htmlWithoutTextIsNoText() {
        let e = error(Array("<html><body><script>var a = 1;</script><img src=x></body></html>".utf8))
        #expect(e?.code == .noText)
        #expect(e?.reason == "the HTML page has no readable text")
    }
}
