import Testing

@testable import ArticleText

/// The gazetteer loads from a binary table file built from the lists of
/// record (`Scripts/build-text-tables.sh`): the committed file must be what
/// the lists give today, or an edited list would silently not take effect.
@Suite(.timeLimit(.minutes(3))) struct EnrichTablesTests {
    @Test func everyTableFileIsWhatItsListsGive() {
        for table in TextTables.generated() {
            let committed = EnrichResource.bytes(of: String(table.path.dropFirst("Enrich/".count)))
            #expect(committed == table.bytes, "\(table.path) is stale: run Scripts/build-text-tables.sh")
        }
    }

    @Test func gazetteerTablesRoundTrip() {
        let built = GazetteerTables.fromSourceLists()
        #expect(GazetteerTables(serialised: built.serialised()) == built)
        #expect(built.nameNodes.count > 30_000)
    }

    @Test func theLoadedGazetteerFindsListedNames() {
        let text = "Officials in New York and الرياض met UNESCO delegates."
        let words = EntityWords(EnrichInput(ParsedArticle(id: "t", paragraphs: [text])))
        let found = words.known.compactMap { $0.map { "\($0.name.id)/\($0.name.type.rawValue)" } }
        #expect(found.contains("place:us-ny/PLACE") || found.contains { $0.hasSuffix("/PLACE") && $0.contains("new") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("org:") && $0.hasSuffix("/ORG") }, "\(found)")
        #expect(found.filter { $0.hasSuffix("/PLACE") }.count >= 2, "\(found)")
    }
}
