import Foundation
import Testing

@testable import ArticleText

/// The word lists are read by `JSONStringLists`, not `JSONDecoder`: the two
/// must give the same lists for every list file, and it must refuse what
/// JSON refuses.
@Suite(.timeLimit(.minutes(2))) struct EnrichStringListsTests {
    @Test func everyListFileReadsAsJSONDecoderReadsIt() throws {
        for name in ["english-words", "english-given-names"] {
            let bytes = EnrichResource.bytes(of: "EnrichData/\(name).json")
            #expect(try JSONStringLists.list(bytes) == JSONDecoder().decode([String].self, from: Data(bytes)), "\(name)")
        }
        let stopwords = EnrichResource.bytes(of: "EnrichData/stopwords.json")
        #expect(try JSONStringLists.lists(stopwords) == JSONDecoder().decode([String: [String]].self, from: Data(stopwords)))
    }

    @Test func escapesAndSpacesReadAsJSONDecoderReadsThem() throws {
        let text = #" [ "a\"b" , "\\\/\b\f\n\r\t", "\u00e9\u0628", "\ud83d\ude00", "", "مدينة" ]  "#
        #expect(try JSONStringLists.list(Array(text.utf8)) == JSONDecoder().decode([String].self, from: Data(text.utf8)))
        let object = #"{"ar": ["في"], "en" : [], "x":["1","2"]}"#
        #expect(try JSONStringLists.lists(Array(object.utf8)) == JSONDecoder().decode([String: [String]].self, from: Data(object.utf8)))
        #expect(try JSONStringLists.lists(Array("{}".utf8)).isEmpty)
    }

    @Test func malformedListsAreRefused() {
        for text in [#"["a",]"#, #"["a""#, #"["a"] x"#, "[\"a\u{01}\"]", #"["\x"]"#, #"["\ud83d"]"#, #"{"a": "b"}"#, #"["\u12"]"#, ""] {
            #expect(throws: JSONStringLists.Malformed.self, "\(text)") { try JSONStringLists.list(Array(text.utf8)) }
        }
        #expect(throws: JSONStringLists.Malformed.self) { try JSONStringLists.lists(Array(#"{"a": ["b"],}"#.utf8)) }
    }
}
