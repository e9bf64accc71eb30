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
}
