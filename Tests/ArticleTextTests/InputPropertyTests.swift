import Testing
@testable import ArticleText

@Suite("Input decoder: totality", .timeLimit(.minutes(10)))
struct InputPropertyTests {
    @Test func arbitraryBytesDecodeOrFailWithACode() {
        var random = NormaliseRandom(seed: 7)
        var decoded = 0
        for _ in 0..<3000 {
            let bytes = random.bytes(maxLength: 300)
            do {
                let doc = try InputDecoder.decode(RawArticle(bytes: bytes))
                #expect(doc.format != .auto)
                decoded += 1
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
        #expect(decoded >= 0)
    }

    @Test func arbitraryUnicodeAndTagSoupNeverCrash() {
        var random = NormaliseRandom(seed: 11)
        let pieces = ["<p>", "</p>", "<div class=\"share\">", "</div>", "<script>", "</script>", "<!--", "-->", "&amp;",
                      "&#x", "&", "<", ">", "\"", "<a href='x'>", "</a>", "<br>", "<article>", "<h1>", "</h1>",
                      "<meta property=\"article:published_time\" content=\"", "<time datetime=\"2020-01-0", "<title>",
                      "<![CDATA[", "<table><tr><td>", "<li>", "</ul>", "{\"body\":\"", "\"}", "<style>", "</"]
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                if Bool.random(using: &random) {
                    s += pieces.randomElement(using: &random)!
                } else {
                    s += random.string(maxLength: 12)
                }
            }
            for format in [InputFormat.auto, .html] {
                do {
                    let doc = try InputDecoder.decode(RawArticle(bytes: Array(s.utf8), declaredFormat: format))
                    let normalised = Normaliser.normalise(doc)
                    #expect(Normaliser.normaliseText(normalised.text) == normalised.text)
                } catch {
                    #expect(!error.reason.isEmpty)
                }
            }
        }
    }

    @Test func adversarialInputsAtTheSizeLimitFinish() throws {
        let size = 2 * 1024 * 1024 - 64
        let shapes = [
            String(repeating: "<div>", count: size / 5),
            String(repeating: "<", count: size),
            String(repeating: "&", count: size / 2) + String(repeating: "a", count: size / 2),
            "<p>" + String(repeating: "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", count: size / 42),
            String(repeating: "<a b=\"", count: size / 6),
            String(repeating: "<script>", count: size / 8),
            String(repeating: "<li>x ", count: size / 6),
            "<p>" + String(repeating: "x", count: size - 3),
        ]
        for shape in shapes {
            do {
                _ = try InputDecoder.decode(RawArticle(bytes: Array(shape.utf8), declaredFormat: .html))
            } catch {
                #expect(error.code == .noText, "\(error)")
            }
        }
    }
}
