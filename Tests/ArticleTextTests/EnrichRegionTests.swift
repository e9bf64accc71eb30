import Testing

@testable import ArticleText

/// World regions written in Arabic without a country's name: the Gulf, the
/// hemispheres; sentences written for the project.
@Suite(.timeLimit(.minutes(5))) struct EnrichRegionTests {
    @Test func theGulfAndTheHemispheresArePlaces() {
        let found = EnrichTestSupport.entities("عاد الوزير من جولة في الخليج ثم زار دول نصف الكرة الغربي.")
        #expect(found.contains("الخليج/PLACE"), "\(found)")
        #expect(found.contains("نصف الكرة الغربي/PLACE"), "\(found)")
    }

    /// Washington, D.C. in Arabic is "واشنطن العاصمة": one place, not the
    /// city "واشنطن" and a noun.
    @Test func washingtonTheCapitalIsOnePlace() {
        let found = EnrichTestSupport.entities("عقد الاجتماع في واشنطن العاصمة يوم الاثنين.")
        #expect(found.contains("واشنطن العاصمة/PLACE"), "\(found)")
        #expect(!found.contains("واشنطن/PLACE"), "\(found)")
    }

    /// The capital written with a comma is the district, one place; a comma
    /// the name does not have still separates two places.
    @Test func washingtonWithACommaIsTheDistrict() {
        let text = "The envoy flew to Washington, D.C., on Monday and stayed in Washington, DC until Friday before Salem, Oregon."
        let found = Enricher.enrich(ParsedArticle(id: "t", paragraphs: [text])).entities
        let names = found.map { "\($0.text)/\($0.type.rawValue)" }
        #expect(names.contains("Washington, D.C./PLACE"), "\(names)")
        #expect(names.contains("Washington, DC/PLACE"), "\(names)")
        #expect(found.filter { $0.text.hasPrefix("Washington,") }.allSatisfy { $0.id == "place:us-dc" }, "\(names)")
        #expect(names.contains("Oregon/PLACE"), "\(names)")
        #expect(!names.contains { $0.hasPrefix("Salem,") }, "\(names)")
    }
}
