import Foundation
import Testing
@testable import Evaluation

@Suite(.timeLimit(.minutes(5))) struct GoldLabelTests {
    @Test func decodesSnakeCaseLabelFields() throws {
        let line = #"{"file": "a.txt", "title": "T", "published": "2024-04-13", "source_agency": "واس", "has_related_block": true}"#
        let label = try JSONDecoder().decode(GoldLabel.self, from: Data(line.utf8))
        #expect(label.sourceAgency == "واس")
        #expect(label.hasRelatedBlock == true)
        #expect(label.updated == nil)
    }
}
