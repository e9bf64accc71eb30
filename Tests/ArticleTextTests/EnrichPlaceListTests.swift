import Testing

@testable import ArticleText

/// `places.tsv`, the generated places, is read with a byte scan rather than
/// JSON: these check that the scan yields the entries the format says.
@Suite(.timeLimit(.minutes(2))) struct EnrichPlaceListTests {
    @Test func aLineGivesIdTypeNamesAndContextualNames() {
        let text = "# a comment line\nplace:x\tPLACE\tExampleton|إكزامبل\tحمام|برج\n\nplace:y\tPLACE\tWestford\t\nplace:z\tPLACE\t\tبرج\n"
        let entries = PlaceList.entries(in: Array(text.utf8))
        #expect(entries.map(\.id) == ["place:x", "place:y", "place:z"])
        #expect(entries.map(\.type) == ["PLACE", "PLACE", "PLACE"])
        #expect(entries[0].names == ["Exampleton", "إكزامبل"])
        #expect(entries[0].contextualNames == ["حمام", "برج"])
        #expect(entries[1].names == ["Westford"])
        #expect(entries[1].contextualNames == nil)
        #expect(entries[2].names == [])
        #expect(entries[2].contextualNames == ["برج"])
    }

    @Test func theShippedFileHoldsCountriesCitiesAndContextualNames() {
        let entries = PlaceList.entries()
        #expect(entries.count > 10_000)
        #expect(entries.contains { $0.id == "place:iq" && $0.names.contains("العراق") })
        #expect(entries.contains { $0.contextualNames?.contains("حمص") ?? false })
        #expect(entries.allSatisfy { !$0.id.isEmpty && $0.type == "PLACE" && ($0.names + ($0.contextualNames ?? [])).allSatisfy { !$0.isEmpty } })
    }
}
